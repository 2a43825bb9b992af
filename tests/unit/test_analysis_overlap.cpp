// Overlap and redundancy: hand-worked cases, and a brute-force comparison of
// every pair of arrangements on generated random data.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <random>
#include <set>

#include "analysis/overlap.hpp"
#include "model/error.hpp"

using namespace regionet;
using namespace regionet::analysis;

namespace {

// A dataset from {arrangement id, domain, member codes}.
struct Spec {
    std::string id;
    std::string domain;
    std::vector<std::string> members;
};

Dataset make_overlap_dataset(const std::vector<std::string>& codes, const std::vector<Spec>& specs) {
    Dataset d;
    d.name = "test";
    for (const auto& c : codes) d.municipalities.push_back({c, "Name " + c, "P", {}, {}, {}, {}});
    for (const auto& s : specs) {
        Arrangement a;
        a.id = s.id;
        a.name = "Arr " + s.id;
        a.domain = s.domain;
        d.arrangements.push_back(a);
        for (const auto& m : s.members) {
            Membership ms;
            ms.arrangement_id = s.id;
            ms.municipality_code = m;
            d.memberships.push_back(ms);
        }
    }
    d.reindex();
    return d;
}

const OverlapRow* find_pair(const std::vector<OverlapRow>& rows, const std::string& a, const std::string& b) {
    for (const auto& r : rows)
        if (r.a == a && r.b == b) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("overlap: hand-worked pairs", "[analysis][overlap]") {
    const auto d = make_overlap_dataset(
        {"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"},
        {
            {"a", "afval", {"m1", "m2", "m3", "m4", "m5"}},
            {"b", "afval", {"m1", "m2", "m3", "m4", "m5"}},        // identical to a, same domain
            {"c", "ict", {"m1", "m2", "m3", "m4"}},                // nested in a: J = 4/5
            {"d", "afval", {"m1", "m2", "m3", "m4", "m5", "m6"}},  // J(a,d) = 5/6
            {"e", "wonen", {"m7", "m8"}},
            {"f", "wonen", {"m7", "m8"}},                          // two-member pair
            {"g", "wonen", {"m6", "m7"}},                          // J(e,g) = 1/3
        });
    const auto rows = overlap(d, {});

    const auto* ab = find_pair(rows, "a", "b");
    REQUIRE(ab);
    CHECK(ab->shared == 5);
    CHECK(ab->jaccard == Approx(1.0));
    CHECK(ab->identical);
    CHECK_FALSE(ab->nested);
    CHECK(ab->redundancy_candidate);
    CHECK(ab->only_in_a.empty());
    CHECK(ab->only_in_b.empty());

    const auto* ac = find_pair(rows, "a", "c");
    REQUIRE(ac);
    CHECK(ac->jaccard == Approx(0.8));
    CHECK(ac->overlap_coefficient == Approx(1.0));
    CHECK(ac->nested);
    CHECK_FALSE(ac->identical);
    CHECK_FALSE(ac->same_domain);
    CHECK_FALSE(ac->redundancy_candidate);

    const auto* ad = find_pair(rows, "a", "d");
    REQUIRE(ad);
    CHECK(ad->jaccard == Approx(5.0 / 6.0));
    CHECK(ad->size_a == 5);
    CHECK(ad->size_b == 6);
    CHECK(ad->redundancy_candidate);
    CHECK(ad->only_in_a.empty());
    CHECK(ad->only_in_b == std::vector<std::string>{"m6"});

    const auto* cd = find_pair(rows, "c", "d");
    REQUIRE(cd);
    CHECK(cd->jaccard == Approx(4.0 / 6.0));
    CHECK_FALSE(cd->redundancy_candidate);  // different domains

    const auto* ef = find_pair(rows, "e", "f");
    REQUIRE(ef);
    CHECK(ef->two_member_pair);
    CHECK(ef->identical);

    CHECK(find_pair(rows, "e", "g") == nullptr);  // 1/3 < 0.5
    CHECK(find_pair(rows, "a", "e") == nullptr);  // nothing shared

    // Sorted by jaccard descending, then shared descending, then ids.
    REQUIRE(rows.size() >= 3);
    CHECK(rows[0].a == "a");
    CHECK(rows[0].b == "b");
    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i - 1].jaccard >= rows[i].jaccard);

    // A stricter redundancy threshold drops a-d but keeps a-b.
    OverlapOptions strict;
    strict.redundancy_threshold = 0.9;
    const auto strict_rows = overlap(d, strict);
    CHECK_FALSE(find_pair(strict_rows, "a", "d")->redundancy_candidate);
    CHECK(find_pair(strict_rows, "a", "b")->redundancy_candidate);

    // min_jaccard 0 reports every pair sharing a member, e-g included.
    OverlapOptions all;
    all.min_jaccard = 0.0;
    const auto all_rows = overlap(d, all);
    const auto* eg = find_pair(all_rows, "e", "g");
    REQUIRE(eg);
    CHECK(eg->shared == 1);
    CHECK(eg->jaccard == Approx(1.0 / 3.0));
}

TEST_CASE("overlap: table columns and only_in lists", "[analysis][overlap]") {
    const auto d = make_overlap_dataset({"m1", "m2", "m3", "m4", "m5", "m6"},
                                        {{"x", "ict", {"m1", "m2", "m3", "m4", "m5"}},
                                         {"y", "ict", {"m2", "m3", "m4", "m5", "m6"}}});
    OverlapOptions o;
    o.redundancy_threshold = 0.6;
    const auto rows = overlap(d, o);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].jaccard == Approx(4.0 / 6.0));
    CHECK(rows[0].only_in_a == std::vector<std::string>{"m1"});
    CHECK(rows[0].only_in_b == std::vector<std::string>{"m6"});
    const auto t = to_table(rows);
    CHECK(t.name == "overlap");
    REQUIRE(t.columns.size() == 16);
    CHECK(t.columns[0].name == "a");
    CHECK(t.columns[7].name == "jaccard");
    CHECK(t.columns[11].name == "redundancy_candidate");
    CHECK(std::get<std::string>(t.rows[0][t.column_index("only_in_a")]) == "m1");
    CHECK(std::get<std::int64_t>(t.rows[0][t.column_index("shared")]) == 4);
}

TEST_CASE("overlap: bad thresholds are usage errors", "[analysis][overlap]") {
    const auto d = make_overlap_dataset({"m1"}, {{"x", "", {"m1"}}});
    OverlapOptions o;
    o.min_jaccard = 1.5;
    CHECK_THROWS_AS(overlap(d, o), UsageError);
    o.min_jaccard = 0.5;
    o.redundancy_threshold = -0.1;
    CHECK_THROWS_AS(overlap(d, o), UsageError);
}

TEST_CASE("overlap: equals brute-force all-pairs Jaccard on random data", "[analysis][overlap]") {
    std::mt19937 rng(20240611);
    std::size_t candidates = 0, nested = 0, identical = 0;
    for (int round = 0; round < 5; ++round) {
        const int n_mun = 40 + round * 10;
        std::vector<std::string> codes;
        for (int i = 0; i < n_mun; ++i) codes.push_back("GM" + std::to_string(1000 + i));
        std::vector<Spec> specs;
        const std::vector<std::string> domains{"afval", "ict", "wonen"};
        for (int a = 0; a < 150; ++a) {
            std::uniform_int_distribution<int> size_pick(1, a % 10 == 0 ? 30 : 6);
            const int k = size_pick(rng);
            // Members from a window so that overlaps are frequent.
            std::uniform_int_distribution<int> start_pick(0, n_mun - 1);
            const int start = start_pick(rng);
            std::set<std::string> members;
            const int window = a % 10 == 0 ? 40 : 10;
            std::uniform_int_distribution<int> off(0, window - 1);
            while (static_cast<int>(members.size()) < k)
                members.insert(codes[static_cast<std::size_t>((start + off(rng)) % n_mun)]);
            char id[16];
            std::snprintf(id, sizeof id, "A%04d", a);
            specs.push_back({id, domains[static_cast<std::size_t>(a) % 3], {members.begin(), members.end()}});
        }
        const auto d = make_overlap_dataset(codes, specs);
        for (double t : {0.0, 0.3, 0.5, 0.8}) {
            OverlapOptions o;
            o.min_jaccard = t;
            o.redundancy_threshold = 0.7;
            const auto rows = overlap(d, o);
            std::map<std::pair<std::string, std::string>, const OverlapRow*> got;
            for (const auto& r : rows) got[{r.a, r.b}] = &r;
            CHECK(got.size() == rows.size());  // no duplicate pairs
            std::size_t expected = 0;
            for (std::size_t i = 0; i < specs.size(); ++i) {
                for (std::size_t j = i + 1; j < specs.size(); ++j) {
                    const auto& A = specs[i].members;  // sorted (from a std::set)
                    const auto& B = specs[j].members;
                    std::vector<std::string> inter, a_only, b_only;
                    std::set_intersection(A.begin(), A.end(), B.begin(), B.end(), std::back_inserter(inter));
                    std::set_difference(A.begin(), A.end(), B.begin(), B.end(), std::back_inserter(a_only));
                    std::set_difference(B.begin(), B.end(), A.begin(), A.end(), std::back_inserter(b_only));
                    if (inter.empty()) continue;
                    const double jac = static_cast<double>(inter.size()) /
                                       static_cast<double>(A.size() + B.size() - inter.size());
                    if (jac < t) continue;
                    ++expected;
                    auto it = got.find({specs[i].id, specs[j].id});
                    REQUIRE(it != got.end());
                    const auto& r = *it->second;
                    CHECK(r.shared == inter.size());
                    CHECK(r.size_a == A.size());
                    CHECK(r.size_b == B.size());
                    CHECK(r.jaccard == Approx(jac));
                    CHECK(r.overlap_coefficient ==
                          Approx(static_cast<double>(inter.size()) / static_cast<double>(std::min(A.size(), B.size()))));
                    CHECK(r.identical == (A == B));
                    CHECK(r.nested == (A != B && (a_only.empty() || b_only.empty())));
                    const bool same = specs[i].domain == specs[j].domain;
                    CHECK(r.same_domain == same);
                    CHECK(r.redundancy_candidate == (same && jac >= 0.7));
                    CHECK(r.two_member_pair == (A.size() == 2 && B.size() == 2));
                    candidates += r.redundancy_candidate ? 1 : 0;
                    nested += r.nested ? 1 : 0;
                    identical += r.identical ? 1 : 0;
                    if (r.redundancy_candidate) {
                        CHECK(r.only_in_a == a_only);
                        CHECK(r.only_in_b == b_only);
                    } else {
                        CHECK(r.only_in_a.empty());
                    }
                }
            }
            CHECK(rows.size() == expected);
        }
    }
    // The random data exercises every flag.
    CHECK(candidates > 0);
    CHECK(nested > 0);
    CHECK(identical > 0);
}
