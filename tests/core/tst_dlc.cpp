// SPDX-License-Identifier: Apache-2.0
#include "core/io/dlc.h"
#include "core/io/projectfile.h"

#include "formatsfixture.h"
#include "tests/testutil.h"

#include <QDir>
#include <QFileInfo>

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace paddock::core;
using namespace paddock::test;

namespace {

const char *kSingle = "scorer,,,Alice,Alice,Alice,Alice,Alice,Alice\n"
                      "bodyparts,,,snout,snout,leftear,leftear,rightear,rightear\n"
                      "coords,,,x,y,x,y,x,y\n"
                      "labeled-data,mouse1,img005.png,10.5,20.25,30,40,,\n"
                      "labeled-data,mouse1,img012.png,11,21,NaN,NaN,50.125,60\n"
                      "labeled-data,mouse1,img020.png,,,,,,\n";

const char *kMulti = "scorer,Bob,Bob,Bob,Bob,Bob,Bob,Bob,Bob\r\n"
                     "individuals,m1,m1,m1,m1,m2,m2,m2,m2\r\n"
                     "bodyparts,head,head,tail,tail,head,head,tail,tail\r\n"
                     "coords,x,y,x,y,x,y,x,y\r\n"
                     "\"labeled-data/cage, day 1/img1.png\",1,2,3,4,5,6,,\r\n"
                     "\"labeled-data/cage, day 1/img2.png\",,,,,15,16,17,18\r\n";

Project read(const std::string &path)
{
    std::string error;
    auto p = readDlcCsv(path, &error);
    INFO(error);
    REQUIRE(p);
    return *p;
}

/** Writes \a text to \a path: the reader must refuse it with a message naming the file and saying \a expected. */
void refused(const std::string &path, const std::string &text, const std::string &expected)
{
    writeText(path, text);
    std::string error;
    CHECK_FALSE(readDlcCsv(path, &error));
    INFO(error);
    CHECK(error.find(path + ": ") == 0);
    CHECK(error.find(expected) != std::string::npos);
}

} // namespace

TEST_CASE("DLC: single-animal CSV with a three-column index", "[dlc]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/labeled-data/mouse1/CollectedData_Alice.csv";
    writeText(path, kSingle);
    const Project p = read(path);
    REQUIRE(p.categories.size() == 1);
    CHECK(p.categories[0].keypoints == std::vector<std::string>{"snout", "leftear", "rightear"});
    CHECK(p.categories[0].flipPairs == std::vector<std::pair<int, int>>{{1, 2}});
    REQUIRE(p.clips.size() == 1);
    const Clip &clip = p.clips[0];
    CHECK(clip.name == "mouse1");
    CHECK(clip.path == dir + "/labeled-data/mouse1"); // the folder of the CSV and its images
    REQUIRE(clip.frameMeta.size() == 3);
    CHECK(clip.frameMeta[1].fileName == "labeled-data/mouse1/img012.png");
    const Instance *a = clip.instance(0, 1);
    REQUIRE(a);
    CHECK(a->keypoints[0].x == 10.5);
    CHECK(a->keypoints[0].y == 20.25);
    CHECK(a->keypoints[0].visibility == Visibility::Visible);
    CHECK(a->keypoints[0].source == Source::Imported);
    CHECK_FALSE(a->keypoints[2].isLabelled());
    CHECK_FALSE(clip.instance(1, 1)->keypoints[1].isLabelled()); // NaN is unlabelled
    CHECK(clip.instance(2, 1) == nullptr);                        // empty row: a frame without labels

    // Write and read back: equal, and the file keeps DLC's layout.
    std::string error;
    const std::string out = dir + "/out/CollectedData_Alice.csv";
    const bool written = writeDlcCsv(p, out, "Alice", &error);
    INFO(error);
    REQUIRE(written);
    const std::string text = readText(out);
    CHECK(text.rfind("scorer,,,Alice,Alice", 0) == 0);
    CHECK(text.find("individuals") == std::string::npos);
    CHECK(text.find("labeled-data,mouse1,img020.png,,,,,,") != std::string::npos);
    Project back = read(out);
    CHECK(back.categories == p.categories);
    CHECK(back.clips[0].frames == p.clips[0].frames);
    CHECK(back.clips[0].frameMeta == p.clips[0].frameMeta);
}

TEST_CASE("DLC: multi-animal CSV with a path index, quoted cells and CRLF", "[dlc]")
{
    const std::string dir = tempDir();
    writeText(dir + "/ma.csv", kMulti);
    const Project p = read(dir + "/ma.csv");
    const Clip &clip = p.clips[0];
    REQUIRE(clip.tracks.size() == 2);
    CHECK(clip.tracks[0].name == "m1");
    CHECK(clip.tracks[1].name == "m2");
    CHECK(clip.name == "cage, day 1");
    CHECK(clip.instance(0, 1)->keypoints[1].x == 3);
    CHECK(clip.instance(0, 2)->keypoints[0].y == 6);
    CHECK_FALSE(clip.instance(0, 2)->keypoints[1].isLabelled());
    CHECK(clip.instance(1, 1) == nullptr);
    CHECK(clip.instance(1, 2)->keypoints[1].y == 18);

    std::string error;
    REQUIRE(writeDlcCsv(p, dir + "/out.csv", "Bob", &error));
    const std::string text = readText(dir + "/out.csv");
    CHECK(text.find("individuals,,,m1,m1,m1,m1,m2,m2,m2,m2") != std::string::npos);
    CHECK(text.find("\"cage, day 1\"") != std::string::npos);
    const Project back = read(dir + "/out.csv");
    CHECK(back.clips[0].frames == p.clips[0].frames);
    CHECK(back.clips[0].tracks == p.clips[0].tracks);
    CHECK(back.clips[0].frameMeta == p.clips[0].frameMeta);
}

TEST_CASE("DLC: frames follow the image folder when it is there", "[dlc]")
{
    const std::string dir = tempDir();
    for (const char *name : {"img000.png", "img005.png", "img009.png", "img012.png", "img020.png"})
        writeText(dir + "/labeled-data/mouse1/" + name, "x");
    writeText(dir + "/labeled-data/mouse1/CollectedData_Alice.csv", kSingle);
    const Project p = read(dir + "/labeled-data/mouse1/CollectedData_Alice.csv");
    const Clip &clip = p.clips[0];
    CHECK(clip.frameCount == 5);
    CHECK(clip.instance(1, 1) != nullptr); // img005 is the second image of the folder
    CHECK(clip.instance(3, 1) != nullptr); // img012 the fourth
    CHECK(clip.instance(0, 1) == nullptr);
}

TEST_CASE("DLC: AP-10K body part names give the AP-10K skeleton", "[dlc]")
{
    const std::string dir = tempDir();
    std::string header = "scorer", parts = "bodyparts", coords = "coords", row = "img1.png";
    for (const std::string &name : ap10kKeypointNames()) {
        header += ",me,me";
        parts += "," + name + "," + name;
        coords += ",x,y";
        row += ",1,2";
    }
    writeText(dir + "/ap.csv", header + "\n" + parts + "\n" + coords + "\n" + row + "\n");
    const Project p = read(dir + "/ap.csv");
    CHECK(p.categories[0].skeleton == ap10kCategory(1).skeleton);
    CHECK(p.categories[0].sigmas == ap10kCategory(1).sigmas);
    CHECK(p.clips[0].instance(0, 1)->labelledCount() == 17);
}

TEST_CASE("DLC: bad files give a message naming the file, row and body part", "[dlc]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/bad.csv";
    std::string error;
    auto fails = [&](const std::string &text, const std::string &expected) { refused(path, text, expected); };
    fails("", "the first row must start with 'scorer'");
    fails("scorer,a,a\ncoords,x,y\n", "missing the 'bodyparts' header row");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,z\n", "unknown coordinate 'z'");
    fails("scorer,a\nbodyparts,p\ncoords,x\n", "body part 'p' needs both an x and a y column");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1,abc\n", "row 4, body part 'p': a value is not a number");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1,\n", "row 4, body part 'p': has only one of x and y");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1,inf\n", "coordinate is infinite");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1,2\nimg.png,3,4\n", "image 'img.png' is listed twice");
    fails("scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1,2,3\n", "row 4: 4 cells, the header has 3");
    CHECK_FALSE(readDlcCsv(dir + "/missing.csv", &error));
    CHECK(error.find("missing.csv: no such file") != std::string::npos);
}

TEST_CASE("DLC: writing refuses a project it cannot represent", "[dlc]")
{
    const std::string dir = tempDir();
    std::string error;
    CHECK_FALSE(writeDlcCsv(makeProject(dir), dir + "/x.csv", "me", &error)); // two clips
    CHECK(error.find("one clip") != std::string::npos);
    Project p = makeProject(dir);
    p.clips.erase(p.clips.begin() + 1);
    Instance fly;
    fly.trackId = 3;
    fly.categoryId = flyCategory().id;
    fly.keypoints.assign(6, Keypoint());
    p.clips[0].setInstance(0, fly); // a fly beside the dog: two skeletons
    CHECK_FALSE(writeDlcCsv(p, dir + "/x.csv", "me", &error));
    CHECK(error.find("different skeletons") != std::string::npos);
}

TEST_CASE("DLC: a CSV saved by Excel (byte-order mark, CRLF, empty rows) reads as the original", "[dlc]")
{
    const std::string dir = tempDir();
    std::string excel = std::string("\xEF\xBB\xBF") + kSingle;
    std::string crlf;
    for (char c : excel)
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    crlf += ",,,,,,,,\r\n";
    writeText(dir + "/labeled-data/mouse1/CollectedData_Alice.csv", crlf);
    writeText(dir + "/plain/labeled-data/mouse1/CollectedData_Alice.csv", kSingle);
    const Project p = read(dir + "/labeled-data/mouse1/CollectedData_Alice.csv");
    const Project plain = read(dir + "/plain/labeled-data/mouse1/CollectedData_Alice.csv");
    CHECK(p.categories == plain.categories);
    CHECK(p.clips[0].frames == plain.clips[0].frames);
    CHECK(p.clips[0].frameMeta == plain.clips[0].frameMeta);
}

TEST_CASE("DLC: a cut-off row, an absurd coordinate or likelihood is refused, not dropped", "[dlc]")
{
    const std::string dir = tempDir();
    const std::string path = dir + "/bad.csv";
    const std::string head = "scorer,,,a,a,a,a,a,a\nbodyparts,,,p,p,p,q,q,q\ncoords,,,x,y,likelihood,x,y,likelihood\n";
    auto fails = [&](const std::string &row, const std::string &expected) {
        refused(path, head + "labeled-data,v,img1.png,1,2,0.9,3,4,1\n" + row, expected);
    };
    fails("labeled-data,v,img2.png,1,2\n", "row 5: 5 cells, the header has 9 (a cut-off row?)");
    fails("labeled-data,v,img2.png,1e308,2,1,3,4,1\n", "row 5, body part 'p': (1e+308, 2) is not a pixel position");
    fails("labeled-data,v,img2.png,1,2,1,3,-1e7,1\n", "body part 'q': (3, -1e+07) is not a pixel position");
    fails("labeled-data,v,img2.png,1,2,7,3,4,1\n", "likelihood 7 is not between 0 and 1");
    // What DLC writes for a machine label it is unsure of still reads.
    writeText(path, head + "labeled-data,v,img1.png,1,2,0.9,,,NaN\n");
    std::string error;
    const auto p = readDlcCsv(path, &error);
    INFO(error);
    REQUIRE(p);
    CHECK(p->clips[0].instance(0, 1)->keypoints[0].score == 0.9f);
}

namespace {

/** A folder clip of \a n 32x24 PNG frames, frame f filled with grey 40*f + 10. */
void writeFrames(const std::string &dir, int n)
{
    QDir().mkpath(QString::fromStdString(dir));
    for (int f = 0; f < n; ++f)
        REQUIRE(cv::imwrite(dir + "/f" + std::to_string(f) + ".png", cv::Mat(24, 32, CV_8UC3, cv::Scalar::all(40 * f + 10))));
}

Keypoint point(double x, double y, Visibility v = Visibility::Visible, Source s = Source::Manual, float score = 1.0f)
{
    Keypoint k;
    k.x = x;
    k.y = y;
    k.visibility = v;
    k.source = s;
    k.score = score;
    return k;
}

Project twoPartProject(const std::string &clipDir, int animals)
{
    Project p;
    Category c;
    c.id = 1;
    c.name = "mouse";
    c.keypoints = {"head", "tail"};
    p.categories.push_back(c);
    Clip clip;
    clip.name = "cage";
    clip.path = clipDir;
    clip.frameCount = 12;
    for (int t = 1; t <= animals; ++t) {
        clip.ensureTrack(t, 1).name = "m" + std::to_string(t);
        Instance a;
        a.trackId = t;
        a.categoryId = 1;
        a.keypoints = {point(1.5 * t, 2), point(3, 4, Visibility::Occluded)};
        clip.setInstance(0, a);
        a.keypoints = {point(5, 6 * t, Visibility::Visible, Source::Propagated, 0.5f), Keypoint()};
        clip.setInstance(2, a);
    }
    p.clips.push_back(clip);
    return p;
}

} // namespace

TEST_CASE("DLC: export writes DeepLabCut's own layouts and says what DeepLabCut cannot hold", "[dlc]")
{
    const std::string dir = tempDir();
    std::string error;
    DlcWriteReport report;
    DlcWriteOptions opt;
    opt.scorer = "Ann";
    // One animal, even a named one: the single-animal layout (before: an individuals row).
    REQUIRE(writeDlcCsv(twoPartProject(dir, 1), dir + "/one.csv", opt, &report, &error));
    std::string text = readText(dir + "/one.csv");
    CHECK(text.rfind("scorer,,,Ann,Ann,Ann,Ann\nbodyparts,,,head,head,tail,tail\ncoords,,,x,y,x,y\n", 0) == 0);
    CHECK(text.find("labeled-data,cage,img00.png,1.5,2,3,4\n") != std::string::npos); // DLC pads to log10(12) digits
    CHECK(text.find("labeled-data,cage,img02.png,5,6,,\n") != std::string::npos);
    CHECK(report.rows == 2);
    CHECK(report.points == 3);
    auto said = [&](const std::string &what) {
        return std::any_of(report.lost.begin(), report.lost.end(),
                           [&](const std::string &l) { return l.find(what) != std::string::npos; });
    };
    CHECK(said("1 occluded points written as ordinary points"));
    CHECK(said("1 tracker points (propagated, refined, interpolated) written as labels"));
    CHECK(said("1 points whose score is not 1"));
    CHECK(said("1 unlabelled keypoints of labelled animals"));
    // Two animals: scorer/individuals/bodyparts/coords.
    REQUIRE(writeDlcCsv(twoPartProject(dir, 2), dir + "/two.csv", opt, &report, &error));
    text = readText(dir + "/two.csv");
    CHECK(text.find("\nindividuals,,,m1,m1,m1,m1,m2,m2,m2,m2\nbodyparts,,,head,head,tail,tail,head,head,tail,tail\n")
          != std::string::npos);
    const auto back = readDlcCsv(dir + "/two.csv", &error);
    REQUIRE(back);
    CHECK(back->clips[0].instance(0, 2)->keypoints[0].x == 3.0);
    // Forced layouts; user labels only.
    opt.layout = DlcWriteOptions::Layout::MultiAnimal;
    REQUIRE(writeDlcCsv(twoPartProject(dir, 1), dir + "/ma1.csv", opt, &report, &error));
    CHECK(readText(dir + "/ma1.csv").find("\nindividuals,,,m1,m1,m1,m1\n") != std::string::npos);
    opt.layout = DlcWriteOptions::Layout::SingleAnimal;
    CHECK_FALSE(writeDlcCsv(twoPartProject(dir, 2), dir + "/sa2.csv", opt, &report, &error));
    CHECK(error.find("single-animal DeepLabCut CSV holds one") != std::string::npos);
    opt.layout = DlcWriteOptions::Layout::Auto;
    opt.propagated = false;
    REQUIRE(writeDlcCsv(twoPartProject(dir, 1), dir + "/user.csv", opt, &report, &error));
    CHECK(readText(dir + "/user.csv").find("img02") == std::string::npos);
}

TEST_CASE("DLC: a project folder export writes labeled-data/<video>/ with the images the CSV names", "[dlc]")
{
    const std::string dir = tempDir();
    writeFrames(dir + "/frames", 12);
    DlcWriteOptions opt;
    opt.scorer = "Ann";
    opt.writeImages = true;
    DlcWriteReport report;
    std::string error;
    const bool ok = writeDlcProject(twoPartProject(dir + "/frames", 2), dir + "/dlc", opt, &report, &error);
    INFO(error);
    REQUIRE(ok);
    CHECK(report.csvPath == dir + "/dlc/labeled-data/cage/CollectedData_Ann.csv");
    CHECK(report.images == 2);
    for (int f : {0, 2}) {
        const cv::Mat img = cv::imread(dir + "/dlc/labeled-data/cage/img0" + std::to_string(f) + ".png");
        REQUIRE_FALSE(img.empty());
        CHECK(img.cols == 32);
        CHECK(int(img.at<cv::Vec3b>(5, 5)[0]) == 40 * f + 10); // the frame itself, not its neighbour
    }
    CHECK_FALSE(QFileInfo::exists(QString::fromStdString(dir + "/dlc/labeled-data/cage/img01.png")));
    // DLC reads it back from its folder: the images are the clip, in order.
    const auto back = readDlcCsv(report.csvPath, &error);
    REQUIRE(back);
    CHECK(back->clips[0].path == dir + "/dlc/labeled-data/cage");
    CHECK(back->clips[0].frameCount == 2);
    CHECK(back->clips[0].instance(1, 2)->keypoints[0].y == 12.0); // frame 2 is the folder's second image
    // A clip whose frames cannot be read: refused, and no CSV naming missing images.
    CHECK_FALSE(writeDlcProject(twoPartProject(dir + "/nothere", 1), dir + "/dlc2", opt, &report, &error));
    CHECK(error.find("cannot write the frame images") != std::string::npos);
    CHECK_FALSE(QFileInfo::exists(QString::fromStdString(dir + "/dlc2/labeled-data/cage/CollectedData_Ann.csv")));
    // A frame that fails midway (frame 2 is not an image): the images already written and the folders are
    // taken back.
    writeFrames(dir + "/broken", 12);
    writeText(dir + "/broken/f2.png", "not a png");
    CHECK_FALSE(writeDlcProject(twoPartProject(dir + "/broken", 1), dir + "/dlc3", opt, &report, &error));
    CHECK(error.find("frame 2") != std::string::npos);
    CHECK_FALSE(QFileInfo::exists(QString::fromStdString(dir + "/dlc3/labeled-data/cage/img00.png")));
    CHECK_FALSE(QFileInfo::exists(QString::fromStdString(dir + "/dlc3")));
}

TEST_CASE("DLC: every clip into one project folder; reviewed tracker points follow the export policy", "[dlc]")
{
    const std::string dir = tempDir();
    writeFrames(dir + "/frames", 12);
    Project p = twoPartProject(dir + "/frames", 1);
    p.clips.push_back(p.clips.front()); // the same name twice: the second video folder is made unique
    p.clips[1].videoId = 2;
    p.clips[1].frames.erase(0);         // the second clip has only its tracker points, on frame 2
    DlcWriteOptions opt;
    opt.scorer = "Ann";
    opt.writeImages = true;
    opt.propagated = false;
    std::vector<DlcWriteReport> reports;
    std::string error;
    REQUIRE(writeDlcProjectAllClips(p, dir + "/dlc", opt, &reports, &error));
    REQUIRE(reports.size() == 2);
    CHECK(reports[0].csvPath == dir + "/dlc/labeled-data/cage/CollectedData_Ann.csv");
    CHECK(reports[1].csvPath == dir + "/dlc/labeled-data/cage_2/CollectedData_Ann.csv");
    CHECK(readText(reports[0].csvPath).find("img02") == std::string::npos); // unreviewed tracker points stay out
    CHECK(reports[1].rows == 0);
    // Accepted clip: its tracker points count as reviewed and go out with reviewed = true, not without.
    ReviewRound round;
    round.state = RoundState::Accepted;
    p.clips[1].review.rounds.push_back(round);
    opt.reviewed = true;
    reports.clear();
    REQUIRE(writeDlcProjectAllClips(p, dir + "/dlc2", opt, &reports, &error));
    CHECK(readText(reports[1].csvPath).find("labeled-data,cage_2,img02.png,5,6,,") != std::string::npos);
    CHECK(readText(reports[0].csvPath).find("img02") == std::string::npos); // clip 1 is not accepted
    Project none;
    CHECK_FALSE(writeDlcProjectAllClips(none, dir + "/dlc3", opt, &reports, &error));
    CHECK(error.find("no clips") != std::string::npos);
}
