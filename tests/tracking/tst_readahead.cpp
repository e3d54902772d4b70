// SPDX-License-Identifier: Apache-2.0
// The default tracker's read-ahead: frames come in order, a failed read or a cancel ends the stream with a
// reason, and the consumer is never left waiting on a reader that has stopped.
#include "tracking/default/readahead.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <string>
#include <vector>

using namespace paddock::tracking::defaulttracker;

namespace {

cv::Mat frameOf(int f) { return cv::Mat(2, 2, CV_8UC1, cv::Scalar(f)); }

/** next() on another thread, with a deadline: a hang fails the test instead of stalling the suite. */
bool nextWithin(ReadAhead &ahead, cv::Mat *gray, std::string *error)
{
    auto call = std::async(std::launch::async, [&] { return ahead.next(gray, error); });
    if (call.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
        // The future's destructor would wait on the blocked call, so a FAIL here would hang all the same: end the
        // test program with a message instead.
        std::fprintf(stderr, "FAILED: ReadAhead::next did not return within 20 s\n");
        std::_Exit(1);
    }
    return call.get();
}

/** Reads until the stream ends, checking the frames come in order from \p first; returns how many came. */
int readToEnd(ReadAhead &ahead, int first, std::string *error)
{
    int got = 0;
    for (;;) {
        cv::Mat g;
        if (!nextWithin(ahead, &g, error))
            return got;
        CHECK(int(g.at<unsigned char>(0, 0)) == first + got);
        ++got;
        REQUIRE(got < 2000);
    }
}

} // namespace

TEST_CASE("Read-ahead gives every frame in order, then says there are no more", "[readahead]")
{
    std::atomic_bool cancel{false};
    ReadAhead ahead(3, 5, 14, [](int f, cv::Mat *g, std::string *) { *g = frameOf(f); return true; }, cancel);
    std::string err;
    CHECK(readToEnd(ahead, 5, &err) == 10);
    CHECK_FALSE(err.empty());
    CHECK(err != "cancelled");
}

TEST_CASE("Read-ahead stops at a frame that cannot be read and passes on why", "[readahead]")
{
    std::atomic_bool cancel{false};
    ReadAhead ahead(4, 0, 9, [](int f, cv::Mat *g, std::string *e) {
        if (f == 3) {
            *e = "frame 3 is broken";
            return false;
        }
        *g = frameOf(f);
        return true;
    }, cancel);
    std::string err;
    CHECK(readToEnd(ahead, 0, &err) == 3);
    CHECK(err == "frame 3 is broken");
}

TEST_CASE("A cancelled read-ahead answers next() with 'cancelled' instead of waiting for ever", "[readahead]")
{
    // The reader sees the cancel before the consumer does and stops; the consumer still asks for a frame. This
    // hung a cancelled Propagate All (the consumer waited on a queue nobody would fill).
    std::atomic_bool cancel{true};
    std::atomic_int reads{0};
    ReadAhead ahead(2, 0, 100, [&](int f, cv::Mat *g, std::string *) { ++reads; *g = frameOf(f); return true; }, cancel);
    cv::Mat g;
    std::string err;
    CHECK_FALSE(nextWithin(ahead, &g, &err));
    CHECK(err == "cancelled");
    CHECK(reads.load() == 0);
}

TEST_CASE("A cancel mid-stream ends the read-ahead after the frames already read", "[readahead]")
{
    std::atomic_bool cancel{false};
    ReadAhead ahead(2, 0, 1000, [&](int f, cv::Mat *g, std::string *) {
        if (f == 4)
            cancel = true; // the consumer has not looked yet
        *g = frameOf(f);
        return true;
    }, cancel);
    std::string err;
    const int got = readToEnd(ahead, 0, &err);
    CHECK(err == "cancelled");
    CHECK(got >= 5);
    CHECK(got <= 8);
}
