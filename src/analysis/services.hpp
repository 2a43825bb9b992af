#pragma once
// Who serves whom (issue 18, DOMAIN.md "Relations, not only memberships"): a
// centrumregeling or host construction has one municipality providing a
// service to the others. Each service link provider -> client comes from, in
// this order (the first that applies to an arrangement decides for it):
//   1. roles: members with role host provide; members with role client
//      receive (when no member is a client, every member that is not a host);
//   2. the arrangement's host (a municipality code) provides to the other members;
//   3. the registrar (bronhouder) of a centrum arrangement (form
//      centrumgemeente / regeling zonder meer, or "centrumregeling" /
//      "centrumgemeente" in the name) provides to the other members, when it
//      is one of them.
// Regions of divisions and second registrations (duplicate_of) give no links.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/screen.hpp"
#include "model/model.hpp"
#include "model/table.hpp"

namespace regionet::analysis {

// True for a centrum arrangement: form gr_centrumgemeente, centrumgemeente,
// regeling_zonder_meer or gr_regeling_zonder_meer, or a name with the word
// "centrumregeling" or "centrumgemeente".
bool is_centrum_arrangement(const Arrangement& a);

// The municipality a registrar text names: a code (any case), or a name with
// or without "Gemeente " in front (case-insensitive). nullopt when none.
std::optional<std::size_t> resolve_registrar(const Dataset& dataset, const std::string& registrar);

struct ServiceLink {
    std::size_t arrangement = 0;         // index into dataset.arrangements
    std::size_t provider = 0;            // index into dataset.municipalities
    std::size_t client = 0;
    std::string reason;                  // "role host", "host = GM0796", "registrar = Gemeente X of a centrum arrangement (form ...)"
};

struct MunicipalityServices {
    std::size_t municipality = 0;
    std::size_t provided = 0;            // links out: (arrangement, client) pairs it serves
    std::size_t received = 0;            // links in: (arrangement, provider) pairs serving it
    std::int64_t balance = 0;            // provided - received
    std::size_t arrangements_providing = 0;  // arrangements in which it provides to at least one other
    std::size_t arrangements_receiving = 0;
    std::size_t serves = 0;              // distinct municipalities it serves
    std::size_t served_by = 0;           // distinct municipalities serving it
};

struct ServicePair {
    std::size_t a = 0;                   // municipality indexes, a < b
    std::size_t b = 0;
    std::size_t a_serves_b = 0;          // arrangements in which a serves b
    std::size_t b_serves_a = 0;
    std::vector<std::string> arrangements;  // ids, sorted
    bool reciprocal() const noexcept { return a_serves_b > 0 && b_serves_a > 0; }
};

struct ServicesResult {
    std::vector<ServiceLink> links;      // sorted by (arrangement, provider, client)
    std::vector<MunicipalityServices> municipalities;  // every municipality, dataset order
    std::vector<ServicePair> pairs;      // sorted by (a, b)
    // Centrum arrangements whose registrar names no member municipality (ids).
    std::vector<std::string> unresolved_registrars;
};

ServicesResult services(const Dataset& dataset);

// "services": code, name, provided, received, balance, arrangements_providing,
// arrangements_receiving, serves, served_by; sorted by balance (descending), then code;
// municipalities without any link are left out.
Table municipality_table(const Dataset& dataset, const ServicesResult& result);
// "services_pair": provider_side..: a, a_name, b, b_name, a_serves_b, b_serves_a,
// direction (reciprocal | one-way), arrangements.
Table pair_table(const Dataset& dataset, const ServicesResult& result);
// "services_link": arrangement, arrangement_name, provider, provider_name, client,
// client_name, reason.
Table link_table(const Dataset& dataset, const ServicesResult& result);

// ---- screening questions from practice on tasks and services (hooked into screen()) ----
// "one_way_services": a region of a division (or, in a dataset without
// divisions, a connected group of the service relations) with at least two
// service arrangements among its municipalities, all provided by the same
// municipality and none back: dependence on one host.
// "tax_cooperation": a municipality of at most max_population inhabitants
// that takes part in no tax arrangement (domain belastingen, "belasting" in
// the name, or Wet WOZ / Wet waardering onroerende zaken in the legal basis) while the data hold some.
struct PracticeExtraOptions {
    std::int64_t tax_max_population = 30000;  // Korsten c. 2016: tax cooperation pays up to about 30,000
};
void screen_tasks_and_services(const Dataset& dataset, const PracticeExtraOptions& options, std::vector<Finding>& out);
bool is_tax_arrangement(const Arrangement& a);

}  // namespace regionet::analysis
