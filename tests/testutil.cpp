// SPDX-License-Identifier: Apache-2.0
#include "testutil.h"

#include <QDir>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

namespace paddock::test {

std::string sharedDir()
{
    if (const char *env = std::getenv("PADDOCK_SHARED"))
        return QDir(QString::fromLocal8Bit(env)).exists() ? std::string(env) : std::string();
    const QDir dir(QStringLiteral(PADDOCK_SHARED_DIR));
    return dir.exists() ? dir.absolutePath().toStdString() : std::string();
}

void skipTest(const std::string &why)
{
    std::printf("SKIPPED: %s\n", why.c_str());
    std::fflush(stdout);
    if (std::getenv("PADDOCK_TEST_SKIP_EXIT"))
        std::exit(kSkipExitCode);
}

std::string sharedDirOrSkip()
{
    const std::string dir = sharedDir();
    if (dir.empty())
        skipTest("no shared data (" + std::string(PADDOCK_SHARED_DIR)
                 + " is not there; set PADDOCK_SHARED or -DPADDOCK_SHARED_DIR)");
    return dir;
}

std::string tempDir()
{
    static std::vector<std::unique_ptr<QTemporaryDir>> dirs;
    dirs.push_back(std::make_unique<QTemporaryDir>());
    return dirs.back()->path().toStdString();
}

std::string sourceDir()
{
    return PADDOCK_SOURCE_DIR;
}

} // namespace paddock::test
