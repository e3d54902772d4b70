// SPDX-License-Identifier: Apache-2.0
// The zip layer of torch.save files: the end-of-directory record (zip64 too) and the central directory of
// stored entries, every offset checked against the file's size.
#include "tracking/cotracker/torchsaveparts.h"

namespace paddock::tracking::cotracker::detail {

namespace {

uint64_t le(const std::string &b, size_t pos, int bytes)
{
    if (pos > b.size() || static_cast<uint64_t>(bytes) > b.size() - pos)
        throw Fail("zip structure points past the end of the file (truncated?)");
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(b[pos + i]);
    return v;
}


} // namespace

std::map<std::string, ZipEntry> readZipDirectory(const std::string &b)
{
    if (b.size() < 22)
        throw Fail("too small to be a torch.save zip file");
    if (le(b, 0, 4) != 0x04034b50)
        throw Fail("not a zip file (a torch.save checkpoint is a zip; old non-zip pickles are not supported)");
    size_t eocd = std::string::npos;
    const size_t stop = b.size() > 65557 ? b.size() - 65557 : 0;
    for (size_t p = b.size() - 22 + 1; p-- > stop;) {
        if (le(b, p, 4) == 0x06054b50) {
            eocd = p;
            break;
        }
    }
    if (eocd == std::string::npos)
        throw Fail("no zip end-of-directory record (truncated or corrupted file)");
    uint64_t count = le(b, eocd + 10, 2);
    uint64_t cdOffset = le(b, eocd + 16, 4);
    if (count == 0xFFFF || cdOffset == 0xFFFFFFFF) {
        if (eocd < 20 || le(b, eocd - 20, 4) != 0x07064b50)
            throw Fail("zip64 locator missing");
        const uint64_t z = le(b, eocd - 20 + 8, 8);
        if (le(b, z, 4) != 0x06064b50)
            throw Fail("zip64 end-of-directory record missing");
        count = le(b, z + 32, 8);
        cdOffset = le(b, z + 48, 8);
    }
    std::map<std::string, ZipEntry> out;
    uint64_t p = cdOffset;
    for (uint64_t i = 0; i < count; ++i) {
        if (le(b, p, 4) != 0x02014b50)
            throw Fail("corrupted zip central directory");
        const uint64_t method = le(b, p + 10, 2);
        uint64_t csize = le(b, p + 20, 4);
        uint64_t usize = le(b, p + 24, 4);
        const uint64_t nlen = le(b, p + 28, 2), xlen = le(b, p + 30, 2), clen = le(b, p + 32, 2);
        uint64_t local = le(b, p + 42, 4);
        if (p + 46 + nlen > b.size())
            throw Fail("corrupted zip central directory");
        const std::string name = b.substr(p + 46, nlen);
        // zip64 extra field: the 0xFFFFFFFF fields, in the order usize, csize, offset
        for (uint64_t x = p + 46 + nlen; x + 4 <= p + 46 + nlen + xlen;) {
            const uint64_t id = le(b, x, 2), len = le(b, x + 2, 2);
            if (id == 1) {
                uint64_t q = x + 4;
                if (usize == 0xFFFFFFFF) { usize = le(b, q, 8); q += 8; }
                if (csize == 0xFFFFFFFF) { csize = le(b, q, 8); q += 8; }
                if (local == 0xFFFFFFFF) { local = le(b, q, 8); }
            }
            x += 4 + len;
        }
        if (method != 0)
            throw Fail("zip entry '" + name + "' is compressed; torch.save writes stored entries only");
        if (csize != usize)
            throw Fail("zip entry '" + name + "' has inconsistent sizes");
        if (le(b, local, 4) != 0x04034b50)
            throw Fail("zip entry '" + name + "' has no local header (corrupted file)");
        const uint64_t data = local + 30 + le(b, local + 26, 2) + le(b, local + 28, 2);
        if (usize > b.size() || data > b.size() - usize)
            throw Fail("zip entry '" + name + "' runs past the end of the file (truncated download?)");
        out[name] = ZipEntry{data, usize};
        p += 46 + nlen + xlen + clen;
    }
    return out;
}

} // namespace paddock::tracking::cotracker::detail
