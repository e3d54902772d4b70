// SPDX-License-Identifier: Apache-2.0
#include "tracking/interrupt.h"

#include <csignal>

#include <signal.h>

namespace paddock::tracking {

namespace {

std::atomic<std::atomic_bool *> gFlag{nullptr};
std::atomic_bool gInterrupted{false};
struct sigaction gOldInt, gOldTerm;

void onSignal(int sig)
{
    std::atomic_bool *flag = gFlag.load();
    if (!flag || flag->load()) {
        // Asked twice: let the default action end the process.
        std::signal(sig, SIG_DFL);
        std::raise(sig);
        return;
    }
    gInterrupted = true;
    flag->store(true);
}

} // namespace

CancelOnInterrupt::CancelOnInterrupt(std::atomic_bool &cancel)
{
    gInterrupted = false;
    gFlag = &cancel;
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, &gOldInt);
    sigaction(SIGTERM, &sa, &gOldTerm);
}

CancelOnInterrupt::~CancelOnInterrupt()
{
    sigaction(SIGINT, &gOldInt, nullptr);
    sigaction(SIGTERM, &gOldTerm, nullptr);
    gFlag = nullptr;
}

bool CancelOnInterrupt::interrupted()
{
    return gInterrupted.load();
}

} // namespace paddock::tracking
