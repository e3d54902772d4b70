// SPDX-License-Identifier: Apache-2.0
#include "core/model/category.h"

#include <algorithm>
#include <cctype>

namespace paddock::core {

int Category::mirrorOf(int k) const
{
    for (const auto &[a, b] : flipPairs) {
        if (a == k)
            return b;
        if (b == k)
            return a;
    }
    return k;
}

bool Category::operator==(const Category &o) const
{
    return id == o.id && name == o.name && supercategory == o.supercategory && keypoints == o.keypoints
        && skeleton == o.skeleton && flipPairs == o.flipPairs && sigmas == o.sigmas;
}

namespace {
std::string normalisedName(const std::string &name)
{
    std::string out;
    for (char c : name)
        out += char(std::tolower(static_cast<unsigned char>(c)));
    const auto b = out.find_first_not_of(" \t");
    const auto e = out.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}
} // namespace

Category newSpecies(int id, const std::string &name, const std::string &family, const Category *layout)
{
    Category c = layout ? *layout : ap10kCategory(1);
    c.id = id;
    c.name = name;
    c.supercategory = family;
    return c;
}

const Category *findSpeciesByName(const std::vector<Category> &categories, const std::string &name)
{
    const std::string wanted = normalisedName(name);
    if (wanted.empty())
        return nullptr;
    for (const Category &c : categories)
        if (normalisedName(c.name) == wanted)
            return &c;
    return nullptr;
}

int nextCategoryId(const std::vector<Category> &categories)
{
    int id = 0;
    for (const Category &c : categories)
        id = std::max(id, c.id);
    return id + 1;
}

const std::vector<std::string> &ap10kKeypointNames()
{
    static const std::vector<std::string> names = {
        "left_eye",      "right_eye",  "nose",           "neck",           "root_of_tail",  "left_shoulder",
        "left_elbow",    "left_front_paw", "right_shoulder", "right_elbow", "right_front_paw", "left_hip",
        "left_knee",     "left_back_paw",  "right_hip",      "right_knee",  "right_back_paw"};
    return names;
}

const std::vector<Species> &ap10kSpecies()
{
    static const std::vector<Species> species = {
        {1, "antelope", "Bovidae"},
        {2, "argali sheep", "Bovidae"},
        {3, "bison", "Bovidae"},
        {4, "buffalo", "Bovidae"},
        {5, "cow", "Bovidae"},
        {6, "sheep", "Bovidae"},
        {7, "arctic fox", "Canidae"},
        {8, "dog", "Canidae"},
        {9, "fox", "Canidae"},
        {10, "wolf", "Canidae"},
        {11, "beaver", "Castoridae"},
        {12, "alouatta", "Cercopithecidae"},
        {13, "monkey", "Cercopithecidae"},
        {14, "noisy night monkey", "Cercopithecidae"},
        {15, "spider monkey", "Cercopithecidae"},
        {16, "uakari", "Cercopithecidae"},
        {17, "deer", "Cervidae"},
        {18, "moose", "Cervidae"},
        {19, "hamster", "Cricetidae"},
        {20, "elephant", "Elephantidae"},
        {21, "horse", "Equidae"},
        {22, "zebra", "Equidae"},
        {23, "bobcat", "Felidae"},
        {24, "cat", "Felidae"},
        {25, "cheetah", "Felidae"},
        {26, "jaguar", "Felidae"},
        {27, "king cheetah", "Felidae"},
        {28, "leopard", "Felidae"},
        {29, "lion", "Felidae"},
        {30, "panther", "Felidae"},
        {31, "snow leopard", "Felidae"},
        {32, "tiger", "Felidae"},
        {33, "giraffe", "Giraffidae"},
        {34, "hippo", "Hippopotamidae"},
        {35, "chimpanzee", "Hominidae"},
        {36, "gorilla", "Hominidae"},
        {37, "orangutan", "Hominidae"},
        {38, "rabbit", "Leporidae"},
        {39, "skunk", "Mephitidae"},
        {40, "mouse", "Muridae"},
        {41, "rat", "Muridae"},
        {42, "otter", "Mustelidae"},
        {43, "weasel", "Mustelidae"},
        {44, "raccoon", "Procyonidae"},
        {45, "rhino", "Rhinocerotidae"},
        {46, "marmot", "Sciuridae"},
        {47, "squirrel", "Sciuridae"},
        {48, "pig", "Suidae"},
        {49, "mole", "Talpidae"},
        {50, "black bear", "Ursidae"},
        {51, "brown bear", "Ursidae"},
        {52, "panda", "Ursidae"},
        {53, "polar bear", "Ursidae"},
        {54, "bat", "Vespertilionidae"}};
    return species;
}

Category ap10kCategory(int speciesId)
{
    Category c;
    c.id = speciesId;
    for (const Species &s : ap10kSpecies()) {
        if (s.id == speciesId) {
            c.name = s.name;
            c.supercategory = s.family;
        }
    }
    c.keypoints = ap10kKeypointNames();
    // Bones from the AP-10K JSON (1-based there), stored 0-based.
    c.skeleton = {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {3, 5}, {5, 6}, {6, 7}, {3, 8},
                  {8, 9}, {9, 10}, {4, 11}, {11, 12}, {12, 13}, {4, 14}, {14, 15}, {15, 16}};
    c.flipPairs = {{0, 1}, {5, 8}, {6, 9}, {7, 10}, {11, 14}, {12, 15}, {13, 16}};
    // AP-10K sigmas in AP-10K keypoint order (not the older COCO-ordered list).
    c.sigmas = {0.025, 0.025, 0.026, 0.035, 0.035, 0.079, 0.072, 0.062, 0.079,
                0.072, 0.062, 0.107, 0.087, 0.089, 0.107, 0.087, 0.089};
    return c;
}

std::vector<Category> ap10kCategories()
{
    std::vector<Category> out;
    for (const Species &s : ap10kSpecies())
        out.push_back(ap10kCategory(s.id));
    return out;
}

namespace {
std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// Returns the name with its side marker replaced by '#', and the side ('l' or 'r'), or an empty side.
std::pair<std::string, char> sideless(const std::string &name)
{
    const std::string n = lower(name);
    static const std::vector<std::pair<std::string, char>> prefixes = {
        {"left_", 'l'}, {"right_", 'r'}, {"left ", 'l'}, {"right ", 'r'}, {"l_", 'l'}, {"r_", 'r'},
        {"left", 'l'}, {"right", 'r'}}; // "leftear" (DeepLabCut)
    for (const auto &[p, side] : prefixes)
        if (n.rfind(p, 0) == 0)
            return {"#" + n.substr(p.size()), side};
    // Suffixes as in Animal Kingdom's "Eye_Left".
    static const std::vector<std::pair<std::string, char>> suffixes = {{"_left", 'l'}, {"_right", 'r'}};
    for (const auto &[sfx, side] : suffixes)
        if (n.size() > sfx.size() && n.compare(n.size() - sfx.size(), sfx.size(), sfx) == 0)
            return {n.substr(0, n.size() - sfx.size()) + "#", side};
    // Suffix or embedded single-letter markers as in "wingL", "forelegL4".
    for (std::size_t i = n.size(); i-- > 1;) {
        const char c = name[i];
        if ((c == 'L' || c == 'R') && std::islower(static_cast<unsigned char>(name[i - 1]))) {
            const bool atEnd = i + 1 == name.size() || std::isdigit(static_cast<unsigned char>(name[i + 1]));
            if (atEnd)
                return {n.substr(0, i) + "#" + n.substr(i + 1), c == 'L' ? 'l' : 'r'};
        }
    }
    return {n, 0};
}
} // namespace

std::vector<std::pair<int, int>> guessFlipPairs(const std::vector<std::string> &names)
{
    std::vector<std::pair<int, int>> pairs;
    for (int i = 0; i < int(names.size()); ++i) {
        auto [key, side] = sideless(names[i]);
        if (side != 'l')
            continue;
        for (int j = 0; j < int(names.size()); ++j) {
            auto [key2, side2] = sideless(names[j]);
            if (side2 == 'r' && key2 == key) {
                pairs.emplace_back(i, j);
                break;
            }
        }
    }
    return pairs;
}

} // namespace paddock::core
