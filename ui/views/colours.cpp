// SPDX-License-Identifier: Apache-2.0
#include "ui/views/colours.h"

#include <algorithm>

namespace paddock::ui {

Side sideOf(const core::Category &category, int keypoint)
{
    for (const auto &[l, r] : category.flipPairs) {
        if (l == keypoint)
            return Side::Left;
        if (r == keypoint)
            return Side::Right;
    }
    return Side::Centre;
}

namespace colours {

QColor side(Side s)
{
    switch (s) {
    case Side::Left:
        return QColor(255, 140, 26);  // orange
    case Side::Right:
        return QColor(40, 150, 255);  // blue
    case Side::Centre:
        break;
    }
    return QColor(80, 220, 100); // green
}

QColor score(double score)
{
    const double s = std::clamp(score, 0.0, 1.0);
    return QColor::fromHsvF(float(s * 0.33), 0.9f, 1.0f);
}

QColor track(int trackId)
{
    static const QColor kColours[] = {QColor(230, 25, 75),  QColor(60, 180, 75),  QColor(255, 225, 25),
                                      QColor(0, 130, 200),  QColor(245, 130, 48), QColor(145, 30, 180),
                                      QColor(70, 240, 240), QColor(240, 50, 230)};
    return kColours[std::size_t(std::max(0, trackId - 1)) % (sizeof(kColours) / sizeof(kColours[0]))];
}

QColor trackSide(int trackId, Side side)
{
    const QColor base = track(trackId);
    switch (side) {
    case Side::Left:
        return QColor::fromHslF(base.hslHueF(), base.hslSaturationF(), 0.78f);
    case Side::Right:
        return QColor::fromHslF(base.hslHueF(), base.hslSaturationF(), 0.30f);
    case Side::Centre:
        break;
    }
    return QColor::fromHslF(base.hslHueF(), base.hslSaturationF(), 0.52f);
}

QColor source(core::Source s)
{
    switch (s) {
    case core::Source::Manual:
    case core::Source::Imported:
        return QColor(52, 120, 246);  // blue: a person's label
    case core::Source::Propagated:
    case core::Source::Interpolated:
        return QColor(140, 200, 90);  // green: tracker output
    case core::Source::Refined:
        return QColor(175, 110, 230); // violet: refined
    case core::Source::Approved:
        return QColor(0, 170, 160);   // teal: reviewed
    case core::Source::None:
        break;
    }
    return QColor(128, 128, 128);
}

QColor flagged()
{
    return QColor(230, 40, 40);
}

} // namespace colours
} // namespace paddock::ui
