#include "render/workbook_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <optional>

#include "geo/geo.hpp"
#include "model/error.hpp"
#include "render/bundle_writer.hpp"
#include "render/workbook_writer_lists.hpp"

namespace regionet::render {

namespace fs = std::filesystem;

namespace {

enum class Kind { text, integer, real };

// The sheet of allowed values in an inventory (the importer skips it by this name).
constexpr const char* values_sheet_name = "keuzelijsten";

struct Column {
    std::string name;
    Kind kind;
};

// One sheet: cells as text ("" = empty), typed by their column on writing.
struct Sheet {
    std::string name;
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;
};

template <class T>
std::string num(const std::optional<T>& v) {
    if (!v) return "";
    if constexpr (std::is_floating_point_v<T>) return exact_number(*v);
    else return std::to_string(*v);
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::vector<Sheet> data_sheets(const Dataset& d, const WorkbookOptions& options) {
    std::vector<Sheet> sheets;
    if (!options.inventory) {
        Sheet info{"dataset", {{"name", Kind::text}, {"source", Kind::text}, {"reference_date", Kind::text}}, {}};
        info.rows.push_back({d.name, d.source, d.reference_date});
        sheets.push_back(std::move(info));
    }

    Sheet m{"municipalities",
            {{"code", Kind::text},
             {"name", Kind::text},
             {"province", Kind::text},
             {"population", Kind::integer},
             {"lat", Kind::real},
             {"lon", Kind::real},
             {"area_km2", Kind::real}},
            {}};
    for (const auto& x : d.municipalities)
        m.rows.push_back({x.code, x.name, x.province, num(x.population), num(x.lat), num(x.lon), num(x.area_km2)});
    sheets.push_back(std::move(m));

    // As in the CSV bundle, register columns only when some value is set; the
    // inventory has them all, for the municipalities to fill in.
    const bool register_columns =
        options.inventory || std::any_of(d.arrangements.begin(), d.arrangements.end(), [](const Arrangement& x) {
            return !(x.legal_basis.empty() && x.purpose.empty() && x.registrar.empty() && x.body_of.empty() &&
                     x.duplicate_of.empty() && x.form_basis.empty() && x.domain_basis.empty());
        });
    Sheet a{"arrangements",
            {{"id", Kind::text},
             {"name", Kind::text},
             {"domain", Kind::text},
             {"form", Kind::text},
             {"division", Kind::text},
             {"start_year", Kind::integer},
             {"end_year", Kind::integer},
             {"host", Kind::text},
             {"source", Kind::text},
             {"reference_date", Kind::text},
             {"inhabitants", Kind::integer}},
            {}};
    if (register_columns)
        for (const char* c : {"legal_basis", "purpose", "registrar", "body_of", "duplicate_of", "form_basis", "domain_basis"})
            a.columns.push_back({c, Kind::text});
    for (const auto& x : d.arrangements) {
        // In the inventory every row the dataset holds is marked as the register's.
        const auto source = options.inventory && x.source.empty() ? std::string("register") : x.source;
        std::vector<std::string> row{x.id,         x.name,   x.domain,         x.form,        x.division,
                                     num(x.start_year), num(x.end_year), x.host, source, x.reference_date,
                                     num(x.inhabitants)};
        if (register_columns)
            row.insert(row.end(), {x.legal_basis, x.purpose, x.registrar, x.body_of, x.duplicate_of, x.form_basis,
                                   x.domain_basis});
        a.rows.push_back(std::move(row));
    }
    sheets.push_back(std::move(a));

    const bool body_columns =
        options.inventory || std::any_of(d.memberships.begin(), d.memberships.end(), [](const Membership& x) {
            return !x.bodies.empty() || !x.cost_key.empty();
        });
    Sheet s{"memberships",
            {{"arrangement_id", Kind::text},
             {"municipality_code", Kind::text},
             {"role", Kind::text},
             {"board_seats", Kind::integer},
             {"contribution_eur", Kind::real},
             {"start_year", Kind::integer},
             {"end_year", Kind::integer},
             {"share", Kind::real},
             {"note", Kind::text}},
            {}};
    if (body_columns) s.columns.insert(s.columns.end(), {{"bodies", Kind::text}, {"cost_key", Kind::text}});
    const bool gap_column =
        std::any_of(d.memberships.begin(), d.memberships.end(), [](const Membership& x) { return !x.gaps.empty(); });
    if (gap_column) s.columns.push_back({"gaps", Kind::text});
    for (const auto& x : d.memberships) {
        std::vector<std::string> row{x.arrangement_id,     x.municipality_code, std::string(to_string(x.role)),
                                     num(x.board_seats),   num(x.contribution_eur), num(x.start_year),
                                     num(x.end_year),      num(x.share),        x.note};
        if (body_columns) row.insert(row.end(), {x.bodies, x.cost_key});
        if (gap_column) row.push_back(format_gaps(x.gaps));
        s.rows.push_back(std::move(row));
    }
    sheets.push_back(std::move(s));

    Sheet p{"participants", {{"arrangement_id", Kind::text}, {"name", Kind::text}, {"kind", Kind::text}}, {}};
    for (const auto& x : d.participants) p.rows.push_back({x.arrangement_id, x.name, x.kind});
    sheets.push_back(std::move(p));
    return sheets;
}

Sheet instructions(const WorkbookOptions& options) {
    const std::string region = options.region.empty() ? std::string("de regio") : options.region;
    Sheet s{"instructies", {{"Inventaris van de samenwerking in " + region, Kind::text}}, {}};
    for (auto line : std::initializer_list<std::string>{
             "Dit werkboek bevat de samenwerking die regionet al kent voor de gemeenten van " + region + ".",
             "Vul aan wat ontbreekt: ook informele samenwerking (convenant, werkgroep, portefeuillehoudersoverleg,",
             "gedeelde dienst, gastheerconstructie, ambtelijke fusie). Stuur het werkboek daarna terug.",
             "",
             "Rijen met source = register (of een andere bron) komen uit het register: laat ze staan.",
             "Een correctie erop (bijvoorbeeld zetels of bijdrage) mag; regionet neemt uw waarde over.",
             "Verwijderen heeft geen effect: een weggelaten rij blijft in het register staan.",
             "",
             "Zo voegt u een samenwerking toe:",
             "1. Blad arrangements: een nieuwe rij met een eigen id (bijv. inv-01), name, form en domain;",
             "   start_year (jaar), host (code van de gastheergemeente, als die er is). Laat source leeg:",
             "   regionet vult 'inventaris' in.",
             "2. Blad memberships: per deelnemende gemeente een rij met arrangement_id (het id van stap 1),",
             "   municipality_code (uit blad municipalities), role (member, host of client),",
             "   board_seats (zetels in het dagelijks bestuur), contribution_eur (bijdrage per jaar in euro),",
             "   en in note het aantal vergaderingen per jaar, bijvoorbeeld '10 vergaderingen per jaar'.",
             "3. Blad participants: deelnemers die geen gemeente zijn (provincie, waterschap, ...).",
             "",
             "Toegestane waarden van form, domain en role staan in blad keuzelijsten.",
             "",
             "Voorbeeld (blad arrangements):",
             "   id = inv-01; name = Portefeuillehoudersoverleg Afval; form = portefeuillehoudersoverleg;",
             "   domain = afval; start_year = 2021",
             "Voorbeeld (blad memberships):",
             "   arrangement_id = inv-01; municipality_code = GM0106; role = host; board_seats = 1;",
             "   contribution_eur = 2500; note = 6 vergaderingen per jaar",
             "",
             "Let op: typ getallen zonder punt voor duizendtallen (12500, niet 12.500); een komma als",
             "decimaalteken mag. Formules worden niet uitgerekend: regionet leest de waarde die de cel toont.",
             "Voeg geen bladen samen en hernoem de bladen en kolomkoppen niet; extra kolommen worden genegeerd."})
        s.rows.push_back({line});
    return s;
}

// Drop-down lists on the inventory's form, domain and role columns, from the
// allowed values that keuzelijsten shows (rows 2 onwards, values in column B).
std::vector<DropDown> drop_downs(const std::vector<Sheet>& sheets, const std::vector<AllowedValue>& allowed) {
    struct Wanted {
        const char *sheet, *column;
        bool refuse_others;
        const char* message;
    };
    // The import takes form and domain as typed, so another value only gets a
    // warning; role must be one of three, or the import refuses the row.
    const Wanted wanted[] = {
        {"arrangements", "form", false,
         "Deze vorm staat niet in blad keuzelijsten. Kies bij voorkeur een vorm uit de lijst."},
        {"arrangements", "domain", false,
         "Dit domein staat niet in blad keuzelijsten. Kies bij voorkeur een domein uit de lijst."},
        {"memberships", "role", true, "Kies member, host of client (zie blad keuzelijsten)."},
    };
    std::vector<DropDown> out;
    for (const auto& w : wanted)
        for (const auto& sheet : sheets) {
            if (sheet.name != w.sheet) continue;
            for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
                if (sheet.columns[c].name != w.column) continue;
                DropDown d{sheet.name, c + 1, {}, {}, w.refuse_others, w.message};
                std::size_t first = 0, last = 0;
                for (std::size_t i = 0; i < allowed.size(); ++i)
                    if (allowed[i].column == w.column) {
                        if (d.values.empty()) first = i;
                        last = i;
                        d.values.push_back(allowed[i].value);
                    }
                // The range only when the values stand together in keuzelijsten.
                if (!d.values.empty() && last - first + 1 == d.values.size())
                    d.range = std::string(values_sheet_name) + "!$B$" + std::to_string(first + 2) + ":$B$" +
                              std::to_string(last + 2);
                out.push_back(std::move(d));
            }
        }
    return out;
}

}  // namespace

const std::vector<AllowedValue>& allowed_values() {
    static const std::vector<AllowedValue> values{
        {"form", "gr_openbaar_lichaam", "gemeenschappelijke regeling met openbaar lichaam (AB en DB)"},
        {"form", "gr_gemeenschappelijk_orgaan", "gemeenschappelijke regeling met gemeenschappelijk orgaan"},
        {"form", "gr_bedrijfsvoeringsorganisatie", "bedrijfsvoeringsorganisatie (ondersteuning, een bestuur)"},
        {"form", "gr_centrumgemeente", "centrumgemeente: een gemeente voert de taak uit voor de andere"},
        {"form", "gr_regeling_zonder_meer", "regeling zonder meer (afspraak zonder orgaan)"},
        {"form", "ambtelijke_fusie", "ambtelijke fusie: een gezamenlijke werkorganisatie"},
        {"form", "gastheer", "gastheerconstructie: een gemeente werkt voor een andere"},
        {"form", "ssc", "shared service centre (gedeelde bedrijfsvoering)"},
        {"form", "stichting", "stichting"},
        {"form", "vereniging", "vereniging"},
        {"form", "nv_bv", "overheids-NV of -BV"},
        {"form", "convenant", "convenant"},
        {"form", "intentieverklaring", "intentieverklaring"},
        {"form", "werkgroep", "werkgroep (ambtelijk of bestuurlijk)"},
        {"form", "portefeuillehoudersoverleg", "portefeuillehoudersoverleg"},
        {"domain", "afval", "afval"},
        {"domain", "bedrijfsvoering", "bedrijfsvoering (P&O, financien, inkoop)"},
        {"domain", "belastingen", "belastingen en WOZ"},
        {"domain", "bestuurlijk", "bestuurlijke samenwerking, regio"},
        {"domain", "cultuur", "cultuur"},
        {"domain", "economie", "economie"},
        {"domain", "fysiek", "ruimtelijke ordening, wonen"},
        {"domain", "gezondheid", "gezondheid (GGD)"},
        {"domain", "ict", "ICT"},
        {"domain", "mobiliteit", "mobiliteit en verkeer"},
        {"domain", "omgevingsdienst", "vergunningen, toezicht en handhaving"},
        {"domain", "onderwijs", "onderwijs"},
        {"domain", "recreatie", "recreatie en toerisme"},
        {"domain", "sociaal", "sociaal domein (Wmo, jeugd, werk en inkomen)"},
        {"domain", "veiligheid", "veiligheid"},
        {"domain", "water", "water"},
        {"domain", "overig", "overig"},
        {"role", "member", "deelnemer"},
        {"role", "host", "gastheer of uitvoerder: levert de dienst, heeft het personeel in dienst"},
        {"role", "client", "afnemer: koopt de dienst af"},
    };
    return values;
}

WorkbookFormat workbook_format(const fs::path& file) {
    const auto ext = lower(file.extension().string());
    if (ext == ".xlsx") return WorkbookFormat::xlsx;
    if (ext == ".ods") return WorkbookFormat::ods;
    throw RenderError(file.string() + ": expected a file name ending in .xlsx or .ods");
}

void write_workbook(const Dataset& d, const fs::path& path, const WorkbookOptions& options) {
    const auto format = workbook_format(path);
    const auto dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(dir)) throw RenderError(path.string() + ": folder " + dir.string() + " does not exist");

    std::vector<Sheet> sheets;
    if (options.inventory) sheets.push_back(instructions(options));
    for (auto& s : data_sheets(d, options)) sheets.push_back(std::move(s));
    if (options.inventory) {
        Sheet v{values_sheet_name, {{"kolom", Kind::text}, {"waarde", Kind::text}, {"betekenis", Kind::text}}, {}};
        for (const auto& x : allowed_values()) v.rows.push_back({x.column, x.value, x.meaning});
        sheets.push_back(std::move(v));
    }

    // Written beside the target and renamed, so a failed write leaves an old file as it was.
    // A name of its own per write, not only per process: /vsizip/ keeps what it read of an
    // archive by name (checked by size and a modification time in whole seconds).
    static std::atomic<unsigned> writes{0};
    const auto write = std::to_string(::getpid()) + "-" + std::to_string(++writes);
    auto tmp = dir / (path.stem().string() + ".tmp-" + write + path.extension().string());
    struct RemoveTmp {
        fs::path p;
        bool keep = false;
        ~RemoveTmp() {
            std::error_code ec;
            if (!keep) fs::remove(p, ec);
        }
    } cleanup{tmp};
    geo::MessageCollector messages;
    auto* driver = GetGDALDriverManager()->GetDriverByName(format == WorkbookFormat::xlsx ? "XLSX" : "ODS");
    if (!driver) throw RenderError(path.string() + ": GDAL has no spreadsheet driver for this format");
    auto fail = [&](const std::string& what) {
        throw RenderError(path.string() + ": " + what +
                          (messages.messages().empty() ? std::string() : " (" + messages.last_error() + ")"));
    };
    {
        GDALDatasetUniquePtr ds(driver->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) fail("cannot create the workbook");
        for (const auto& sheet : sheets) {
            auto* layer = ds->CreateLayer(sheet.name.c_str(), nullptr, wkbNone, nullptr);
            if (!layer) fail("cannot add sheet " + sheet.name);
            for (const auto& c : sheet.columns) {
                OGRFieldDefn field(c.name.c_str(), c.kind == Kind::integer ? OFTInteger64
                                           : c.kind == Kind::real  ? OFTReal
                                                                   : OFTString);
                if (layer->CreateField(&field) != OGRERR_NONE) fail("cannot add column " + c.name);
            }
            for (const auto& row : sheet.rows) {
                OGRFeature feature(layer->GetLayerDefn());
                for (std::size_t i = 0; i < row.size(); ++i) {
                    const auto& v = row[i];
                    if (v.empty()) continue;  // an empty cell
                    const int field = static_cast<int>(i);
                    switch (sheet.columns[i].kind) {
                    case Kind::integer: feature.SetField(field, static_cast<GIntBig>(std::stoll(v))); break;
                    case Kind::real: feature.SetField(field, std::strtod(v.c_str(), nullptr)); break;
                    case Kind::text: feature.SetField(field, v.c_str()); break;
                    }
                }
                if (layer->CreateFeature(&feature) != OGRERR_NONE) fail("cannot write a row of sheet " + sheet.name);
            }
        }
    }  // closing the dataset writes the file
    for (const auto& m : messages.messages())
        if (m.rfind("error", 0) == 0) fail("writing failed");
    if (!fs::exists(tmp)) fail("writing failed");
    if (options.inventory) {
        // GDAL cannot write drop-down lists: a second package with them replaces the first.
        const auto listed = dir / (path.stem().string() + ".tmp-" + write + "-lijsten" + path.extension().string());
        RemoveTmp cleanup_listed{listed};
        add_drop_downs(tmp, listed, drop_downs(sheets, allowed_values()));
        std::error_code ec;
        fs::rename(listed, tmp, ec);
        if (ec) throw RenderError(path.string() + ": cannot replace: " + ec.message());
        cleanup_listed.keep = true;
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) throw RenderError(path.string() + ": cannot replace: " + ec.message());
    cleanup.keep = true;
}

}  // namespace regionet::render
