// SPDX-License-Identifier: Apache-2.0
#include "tracking/cotracker/formulaweights.h"

#include <cmath>

namespace paddock::tracking::cotracker {

float formulaValue(int k, int64_t i, double scale, bool weight1d)
{
    // Two separately rounded products and one rounded sum, never fused: the hash amplifies rounding.
    volatile double p1 = 12.9898 * static_cast<double>(i + 1);
    volatile double p2 = 78.233 * static_cast<double>(k + 1);
    volatile double a = p1 + p2;
    volatile double h = std::sin(a) * 43758.5453;
    const double u = 2.0 * (h - std::floor(h)) - 1.0;
    return static_cast<float>(weight1d ? 1.0 + 0.1 * u : scale * u);
}

TensorMap formulaWeights(int windowLen)
{
    TensorMap out;
    for (const auto &e : cotracker3Layout(windowLen)) {
        RawTensor t;
        t.shape = e.shape;
        out[e.name] = std::move(t);
    }
    int k = 0;
    for (auto &kv : out) { // std::map: byte-wise sorted keys, as the fixture's formula_order
        RawTensor &t = kv.second;
        const std::string &name = kv.first;
        const int64_t n = t.numel();
        double scale = 0.02;
        bool weight1d = false;
        if (name == "time_emb") {
            scale = 0.02;
        } else if (t.shape.size() >= 2) {
            int64_t fanIn = 1;
            for (size_t d = 1; d < t.shape.size(); ++d)
                fanIn *= t.shape[d];
            scale = 1.0 / std::sqrt(static_cast<double>(fanIn));
        } else if (name.size() >= 6 && name.compare(name.size() - 6, 6, "weight") == 0) {
            weight1d = true;
        }
        t.f32.resize(n);
        for (int64_t i = 0; i < n; ++i)
            t.f32[i] = formulaValue(k, i, scale, weight1d);
        ++k;
    }
    return out;
}

} // namespace paddock::tracking::cotracker
