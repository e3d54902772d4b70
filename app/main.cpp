// SPDX-License-Identifier: Apache-2.0
#include "app/commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <map>

namespace paddock::app {

QString tr(const char *text)
{
    return QCoreApplication::translate("paddock::app", text);
}

void printError(const QString &message)
{
    QTextStream(stderr) << message << '\n';
}

void printOut(const QString &message)
{
    QTextStream(stdout) << message << '\n';
}

} // namespace paddock::app

using namespace paddock::app;

namespace {

const char *kUsage = "usage: paddock [CLIP|PROJECT]            open the labelling app\n"
                     "       paddock info CLIP|DATASET          frames, frame rate, size, codec; a dataset's clips\n"
                     "       paddock convert IN OUT --to coco|aptv2|dlc [--clip CLIP]\n"
                     "       paddock propagate CLIP --labels SPARSE.json --out DENSE.json [--tracker default|cotracker3]\n"
                     "                         [--weights FILE] [--device auto|cpu|cuda] [--steps N]\n"
                     "       paddock propagate DATASET.json --out DENSE.json [--clips LIST] [--shard I/N] [--jobs J]\n"
                     "       paddock check LABELS.json [--clip CLIP] [--json]\n"
                     "       paddock compare A.json B.json [--json]\n"
                     "       paddock merge A B ... --out MERGED [--report REPORT.json] [--no-hash]\n"
                     "       paddock demo [--headless] [--out DIR]\n"
                     "       paddock bench video|propagate|dataset|cotracker|gui|checks ...\n"
                     "       paddock --version | --help\n";

} // namespace

int main(int argc, char **argv)
{
    QStringList all;
    for (int i = 1; i < argc; ++i)
        all << QString::fromLocal8Bit(argv[i]);

    const std::map<QString, std::function<int(const QStringList &)>> headless = {
        {QStringLiteral("info"), runInfo},       {QStringLiteral("convert"), runConvert},
        {QStringLiteral("propagate"), runPropagate}, {QStringLiteral("check"), runCheck},
        {QStringLiteral("compare"), runCompare}, {QStringLiteral("bench"), runBench},
        {QStringLiteral("merge"), runMerge},
    };

    if (!all.isEmpty()) {
        const QString cmd = all.first();
        if (cmd == QLatin1String("--help") || cmd == QLatin1String("-h") || cmd == QLatin1String("help")) {
            std::fputs(kUsage, stdout);
            return kExitOk;
        }
        if (cmd == QLatin1String("--version")) {
            std::printf("paddock %s\n", PADDOCK_VERSION);
            return kExitOk;
        }
        if (cmd == QLatin1String("bench") && all.value(1) == QLatin1String("gui"))
            return runBenchGuiApp(argc, argv, all.mid(2)); // needs a QApplication, not a QCoreApplication
        if (cmd == QLatin1String("demo"))
            return runDemo(all.mid(1)); // decides itself between GUI and headless
        auto it = headless.find(cmd);
        if (it != headless.end()) {
            QCoreApplication app(argc, argv);
            QCoreApplication::setApplicationName(QStringLiteral("paddock"));
            return it->second(all.mid(1));
        }
        if (cmd.startsWith(QLatin1String("-"))) {
            printError(QStringLiteral("paddock: unknown option %1").arg(cmd));
            std::fputs(kUsage, stderr);
            return kExitBadInput;
        }
    }
    return runGui(argc, argv, all);
}
