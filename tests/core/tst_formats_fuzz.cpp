// SPDX-License-Identifier: Apache-2.0
// Damaged files never crash the readers: each gives a project or a message naming the file.
#include "core/io/coco.h"
#include "core/io/dlc.h"
#include "core/io/projectfile.h"

#include "formatsfixture.h"
#include "tests/testutil.h"

#include <catch2/catch.hpp>

using namespace paddock::core;
using namespace paddock::test;

namespace {

/** \a text with a few random bytes changed, removed or duplicated, or cut short. */
std::string damage(const std::string &text, std::mt19937 &rng)
{
    std::string s = text;
    std::uniform_int_distribution<int> kind(0, 4);
    const char alphabet[] = "{}[]\",:0123456789-.eE nulltruefalseNaN";
    for (int n = 0; n < 3 && !s.empty(); ++n) {
        std::uniform_int_distribution<std::size_t> at(0, s.size() - 1);
        switch (kind(rng)) {
        case 0: s[at(rng)] = alphabet[at(rng) % (sizeof(alphabet) - 1)]; break;
        case 1: s.erase(at(rng), 1 + at(rng) % 8); break;
        case 2: { const std::size_t p = at(rng); s.insert(p, s.substr(p, 1 + at(rng) % 16)); break; }
        case 3: s.resize(at(rng)); break;
        default: { const std::size_t p = s.find_first_of("0123456789", at(rng));
                   if (p != std::string::npos) s.replace(p, 1, "-99999"); }
        }
    }
    return s;
}

} // namespace

TEST_CASE("Formats: damaged COCO, project and DLC files give a message, never a crash", "[coco][dlc][projectfile]")
{
    const std::string dir = tempDir();
    const Project p = makeProject(dir, 8);
    std::string error;
    CocoWriteOptions opt;
    opt.aptv2 = true;
    REQUIRE(writeCocoFile(p, dir + "/ok.json", opt, &error));
    const std::string coco = readText(dir + "/ok.json");
    const std::string project = projectToJson(p, dir);
    Project one = p;
    one.clips.erase(one.clips.begin());
    REQUIRE(writeDlcCsv(one, dir + "/ok.csv", "me", &error));
    const std::string csv = readText(dir + "/ok.csv");

    std::mt19937 rng(2024);
    int refused = 0;
    for (int round = 0; round < 150; ++round) {
        const std::string path = dir + "/damaged" + std::to_string(round);
        writeText(path + ".json", damage(coco, rng));
        error.clear();
        ReadReport report;
        if (!readCocoFile(path + ".json", &error)) {
            ++refused;
            CHECK(error.find(path + ".json: ") == 0);
        }
        const auto lenient = readCocoFile(path + ".json", &error, &report, true);
        if (lenient)
            for (const std::string &problem : report.problems)
                CHECK(problem.find(path + ".json: ") == 0);

        writeText(path + ".paddock", damage(project, rng));
        if (!loadProject(path + ".paddock", &error))
            CHECK(error.find(path + ".paddock: ") == 0);

        writeText(path + ".csv", damage(csv, rng));
        if (!readDlcCsv(path + ".csv", &error))
            CHECK(error.find(path + ".csv: ") == 0);
    }
    CHECK(refused > 50); // most damage is noticed
}
