// SPDX-License-Identifier: Apache-2.0
#include "ui/document/roles.h"
