// SPDX-License-Identifier: Apache-2.0
#include "tracking/pointtracker.h"
