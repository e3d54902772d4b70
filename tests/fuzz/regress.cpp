// SPDX-License-Identifier: Apache-2.0
// Regression test for the fuzz targets, built with the normal compiler: every file under the given folders
// goes through the reader and must neither crash nor be refused without a message.
//   fuzz_regress TARGET DIR...        run the inputs (fails when no input is found)
//   fuzz_regress --write-seeds DIR    write the seed corpora DIR/<target>/ from generated projects
#include "tests/fuzz/fuzzreaders.h"

#include "core/io/coco.h"
#include "core/io/dlc.h"
#include "core/io/projectfile.h"
#include "core/io/reviewjson.h"
#include "tests/core/formatsfixture.h"
#include "tracking/cotracker/checkpoint.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace paddock;

namespace {

std::string readBytes(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const fs::path &path, const std::string &bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

int writeSeeds(const fs::path &root)
{
    const fs::path scratch = fs::temp_directory_path() / ("paddock-seeds-" + std::to_string(::getpid()));
    fs::create_directories(scratch);
    core::Project p = test::makeProject(scratch.string(), 4);
    core::ReviewEntry e;
    e.frame = 2;
    e.trackId = 1;
    e.keypoint = 3;
    e.type = core::ErrorType::WrongPosition;
    e.comment = "paw is on the wrong side";
    e.suggested = core::Point2{12.5, 40.0};
    e.author = "rev";
    e.created = 1700000000000;
    e.modified = 1700000000500;
    e.round = 1;
    p.clips[0].review.entries.push_back(e);
    std::string error;

    writeBytes(root / "projectfile" / "generated.paddock", core::projectToJson(p, scratch.string()));
    core::Project tiny;
    tiny.categories = {test::flyCategory()};
    writeBytes(root / "projectfile" / "empty.paddock", core::projectToJson(tiny, scratch.string()));

    core::CocoWriteOptions aptv2;
    aptv2.aptv2 = true;
    core::CocoWriteOptions coco;
    coco.extras = false;
    core::Project images = p;
    images.clips.erase(images.clips.begin());
    if (!core::writeCocoFile(p, (scratch / "aptv2.json").string(), aptv2, &error)
        || !core::writeCocoFile(images, (scratch / "coco.json").string(), coco, &error)
        || !core::writeDlcCsv(images, (scratch / "dlc.csv").string(), "seed", &error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    writeBytes(root / "coco" / "aptv2.json", readBytes(scratch / "aptv2.json"));
    writeBytes(root / "coco" / "coco.json", readBytes(scratch / "coco.json"));
    writeBytes(root / "dlc" / "single.csv", readBytes(scratch / "dlc.csv"));
    writeBytes(root / "errorlist" / "list.json", core::errorListToJson(p.clips[0], "rev", 1700000001000));

    namespace ct = tracking::cotracker;
    ct::TensorMap tensors;
    ct::RawTensor w;
    w.shape = {2, 3};
    w.f32 = {1.f, -2.f, 3.5f, 0.f, 1e-3f, 7.f};
    tensors["fnet.weight"] = w;
    ct::RawTensor n;
    n.dtype = ct::RawTensor::DType::Int64;
    n.shape = {2};
    n.i64 = {4, -1};
    tensors["steps"] = n;
    fs::create_directories(root / "checkpoint");
    if (!ct::writeTorchSave((root / "checkpoint" / "small.pth").string(), tensors, &error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    fs::remove_all(scratch);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && std::string(argv[1]) == "--write-seeds")
        return writeSeeds(argv[2]);
    if (argc < 3) {
        std::fprintf(stderr, "usage: fuzz_regress TARGET DIR... | --write-seeds DIR\n");
        return 2;
    }
    const std::string target = argv[1];
    const auto &names = fuzz::targetNames();
    if (std::find(names.begin(), names.end(), target) == names.end()) {
        std::fprintf(stderr, "unknown target %s\n", target.c_str());
        return 2;
    }
    int inputs = 0;
    for (int i = 2; i < argc; ++i) {
        if (!fs::is_directory(argv[i]))
            continue;
        std::vector<fs::path> files;
        for (const auto &entry : fs::recursive_directory_iterator(argv[i]))
            if (entry.is_regular_file() && entry.path().filename().string()[0] != '.')
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path &file : files) {
            const std::string bytes = readBytes(file);
            std::fprintf(stderr, "%s: %s (%zu bytes)\n", target.c_str(), file.string().c_str(), bytes.size());
            fuzz::runTarget(target, reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
            ++inputs;
        }
    }
    if (target == "projectfile" || target == "coco" || target == "errorlist") {
        // A million-deep nesting (2 MB, too big to keep in the corpus): refused before the JSON parser sees it.
        const std::string bomb = "{\"format\":" + std::string(1000000, '[') + std::string(1000000, ']') + "}";
        std::fprintf(stderr, "%s: generated 1,000,000-deep nesting (%zu bytes)\n", target.c_str(), bomb.size());
        fuzz::runTarget(target, reinterpret_cast<const std::uint8_t *>(bomb.data()), bomb.size());
        ++inputs;
    }
    std::printf("%s: %d inputs, no crash\n", target.c_str(), inputs);
    return inputs > 0 ? 0 : 1;
}
