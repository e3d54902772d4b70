// SPDX-License-Identifier: Apache-2.0
#include "tests/fuzz/fuzzreaders.h"

#include "core/io/coco.h"
#include "core/io/dlc.h"
#include "core/io/projectfile.h"
#include "core/io/reviewjson.h"
#include "tracking/cotracker/checkpoint.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace paddock::fuzz {

namespace {

[[noreturn]] void finding(const std::string &target, const std::string &what)
{
    std::fprintf(stderr, "fuzz finding in %s: %s\n", target.c_str(), what.c_str());
    std::abort();
}

/** A refusal must say why. */
void requireMessage(const std::string &target, const std::string &error)
{
    if (error.empty())
        finding(target, "the reader refused the input without a message");
}

/** A scratch file for the file-based readers (one per process, overwritten by every input). */
std::string scratchPath(const char *ext)
{
    const char *tmp = std::getenv("TMPDIR");
    return std::string(tmp && *tmp ? tmp : "/tmp") + "/paddock-fuzz-" + std::to_string(getpid()) + ext;
}

void writeScratch(const std::string &path, const std::uint8_t *data, std::size_t size)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(data), std::streamsize(size));
}

void fuzzProjectFile(const std::string &text)
{
    std::string error;
    const auto project = core::projectFromJson(text, "/fuzz", "fuzz.paddock", &error);
    if (!project) {
        requireMessage("projectfile", error);
        return;
    }
    // What was accepted must be written back and read again unchanged in shape.
    const std::string again = core::projectToJson(*project, "/fuzz");
    error.clear();
    const auto reread = core::projectFromJson(again, "/fuzz", "fuzz-again.paddock", &error);
    if (!reread)
        finding("projectfile", "an accepted project does not load after saving: " + error);
    if (reread->clips.size() != project->clips.size() || reread->categories.size() != project->categories.size())
        finding("projectfile", "clips or categories changed in a save and load round trip");
}

void fuzzCoco(const std::string &text)
{
    for (bool lenient : {false, true}) {
        std::string error;
        core::ReadReport report;
        const auto project = core::readCocoJson(text, "fuzz.json", &error, &report, lenient);
        if (!project)
            requireMessage("coco", error);
    }
}

void fuzzDlc(const std::uint8_t *data, std::size_t size)
{
    static const std::string path = scratchPath(".csv");
    writeScratch(path, data, size);
    std::string error;
    if (!core::readDlcCsv(path, &error))
        requireMessage("dlc", error);
}

void fuzzErrorList(const std::string &text)
{
    std::string error;
    const auto list = core::errorListFromJson(text, "fuzz.json", &error);
    if (!list) {
        requireMessage("errorlist", error);
        return;
    }
    // An accepted list imports into an empty clip without touching anything else.
    core::Clip clip;
    clip.name = list->clipName;
    core::importErrorList(&clip, *list);
}

void fuzzCheckpoint(const std::uint8_t *data, std::size_t size)
{
    namespace ct = tracking::cotracker;
    static const std::string path = scratchPath(".pth");
    writeScratch(path, data, size);
    ct::TensorMap tensors;
    std::string error;
    if (!ct::readTorchSave(path, &tensors, &error)) {
        requireMessage("checkpoint", error);
        return;
    }
    for (const auto &[name, t] : tensors) {
        const std::size_t values = t.isFloating() ? t.f32.size() : t.i64.size();
        if (t.numel() < 0 || std::size_t(t.numel()) != values)
            finding("checkpoint", name + ": shape " + t.shapeString() + " but " + std::to_string(values) + " values");
    }
    error.clear();
    if (!ct::checkCoTracker3StateDict(tensors, "fuzz.pth", &error))
        requireMessage("checkpoint", error);
}

} // namespace

const std::vector<std::string> &targetNames()
{
    static const std::vector<std::string> names = {"projectfile", "coco", "dlc", "errorlist", "checkpoint"};
    return names;
}

void runTarget(const std::string &target, const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    if (target == "projectfile")
        fuzzProjectFile(text);
    else if (target == "coco")
        fuzzCoco(text);
    else if (target == "dlc")
        fuzzDlc(data, size);
    else if (target == "errorlist")
        fuzzErrorList(text);
    else if (target == "checkpoint")
        fuzzCheckpoint(data, size);
    else
        finding(target, "unknown fuzz target");
}

} // namespace paddock::fuzz
