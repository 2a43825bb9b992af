#pragma once
// The malformed-input corpus (tests/fixtures/malformed/<part>-<kind>.csv) and
// the exact error each must give. <part> names the bundle file the fixture
// stands in for; the files before it in a bundle are the valid base below.
// Used by test_importer_malformed.cpp (in process) and test_app_malformed.cpp
// (a real `regionet import`, checking the database is left untouched).
#include <string>
#include <vector>

namespace regionet::test::malformed {

struct Case {
    const char* file;      // fixture name under tests/fixtures/malformed/
    const char* expected;  // what() after the file name: ":line:column: message"
};

// The valid bundle the fixtures are read against: GM1, GM2, A1 and one membership.
inline const char* const base_municipalities = "code,name\nGM1,Alpha\nGM2,Beta\n";
inline const char* const base_arrangements = "id,name\nA1,Een\n";
inline const char* const base_memberships = "arrangement_id,municipality_code\nA1,GM1\n";

// Bundle files in the order the bundle importer reads them.
inline const std::vector<std::string> parts{"dataset", "municipalities", "arrangements", "memberships",
                                            "participants", "neighbours", "outlines"};

inline std::string part_of(const std::string& file) { return file.substr(0, file.find('-')); }

inline const std::vector<Case> cases{
    // structure and encoding
    {"municipalities-empty.csv", ": file is empty; expected a header line"},
    {"municipalities-blank-lines.csv", ": file is empty; expected a header line"},
    {"municipalities-no-header.csv", ":1: missing required column 'code' (header has: GM1, Alpha)"},
    {"municipalities-missing-name-column.csv", ":1: missing required column 'name' (header has: code, province)"},
    {"municipalities-only-delimiters.csv", ":1: missing required column 'code' (header has no column names)"},
    {"municipalities-duplicate-header.csv", ":1:3: duplicate column 'Code' in header (also column 1)"},
    {"municipalities-duplicate-header-spaces.csv", ":1:3: duplicate column 'NAME' in header (also column 2)"},
    {"municipalities-unterminated-quote.csv", ":2:2: unterminated quoted field (opened here); expected a closing '\"'"},
    {"municipalities-truncated-in-quote.csv", ":3:2: unterminated quoted field (opened here); expected a closing '\"'"},
    {"municipalities-truncated-row.csv", ":3:2: empty name; expected a value"},
    {"municipalities-quote-in-unquoted.csv",
     ":2:2: quote inside an unquoted field; expected the whole field in quotes with \"\" for a quote"},
    {"municipalities-text-after-quote.csv",
     ":2:2: unexpected character 'x' after a closing quote; expected the delimiter ',' or end of line"},
    {"municipalities-latin1.csv",
     ":3: byte 0xE2 at character 10 is not valid UTF-8; expected UTF-8 text (Latin-1 or Windows-1252? save as \"CSV UTF-8\")"},
    {"municipalities-windows1252.csv",
     ":2: byte 0x93 at character 5 is not valid UTF-8; expected UTF-8 text (Latin-1 or Windows-1252? save as \"CSV UTF-8\")"},
    {"municipalities-utf16le-bom.csv", ":1: file is UTF-16 encoded; expected UTF-8 (save it as \"CSV UTF-8\")"},
    {"municipalities-utf16be-bom.csv", ":1: file is UTF-16 encoded; expected UTF-8 (save it as \"CSV UTF-8\")"},
    {"municipalities-utf16le-no-bom.csv", ":1: NUL byte in text; expected a UTF-8 text file (UTF-16 or binary data?)"},
    {"municipalities-nul-byte.csv", ":3: NUL byte in text; expected a UTF-8 text file (UTF-16 or binary data?)"},
    {"municipalities-overlong-utf8.csv",
     ":2: byte 0xC0 at character 5 is not valid UTF-8; expected UTF-8 text (Latin-1 or Windows-1252? save as \"CSV UTF-8\")"},
    {"municipalities-surrogate-utf8.csv",
     ":2: byte 0xED at character 10 is not valid UTF-8; expected UTF-8 text (Latin-1 or Windows-1252? save as \"CSV UTF-8\")"},
    {"municipalities-truncated-utf8.csv",
     ":2: byte 0xC3 at character 10 is not valid UTF-8; expected UTF-8 text (Latin-1 or Windows-1252? save as \"CSV UTF-8\")"},
    {"municipalities-binary-png.csv", ":3: NUL byte in text; expected a UTF-8 text file (UTF-16 or binary data?)"},
    {"municipalities-too-many-fields.csv",
     ":2:3: 3 fields, but the header has 2 columns; expected at most 2 (a delimiter inside an unquoted field?)"},
    {"municipalities-mixed-delimiters.csv",
     ":3:1: 1 field, but the header has 3 columns separated by ';'; this line seems to use ',' (mixed delimiters?)"},
    {"municipalities-mixed-delimiters-header.csv", ":1: missing required column 'name' (header has: code, name;province)"},
    // municipality values
    {"municipalities-code-with-space.csv",
     ":3:1: code 'GM 2' contains a space; expected a code without spaces or control characters, like GM0363"},
    {"municipalities-code-with-tab.csv",
     ":2:1: code 'GM\\x092' contains control character 0x09; expected a code without spaces or control characters, like GM0363"},
    {"municipalities-code-with-nbsp.csv",
     ":2:1: code 'GM\u00a02' contains a non-breaking space; expected a code without spaces or control characters, like GM0363"},
    {"municipalities-code-with-newline.csv",
     ":2:1: code 'GM\\x0A2' contains control character 0x0A; expected a code without spaces or control characters, like GM0363"},
    {"municipalities-duplicate-code.csv", ":3:1: duplicate municipality code 'GM1'"},
    {"municipalities-empty-code.csv", ":2:1: empty code; expected a value"},
    {"municipalities-population-negative.csv",
     ":2:3: population: -5 is out of range; expected an integer from 0 to 1000000000"},
    {"municipalities-population-1e400.csv", ":2:3: population: expected an integer, got '1e400'"},
    {"municipalities-population-fraction.csv", ":2:3: population: expected an integer, got '12.5'"},
    {"municipalities-population-huge.csv",
     ":2:3: population: 99999999999999999999 is out of range; expected an integer from 0 to 1000000000"},
    {"municipalities-population-hex.csv", ":2:3: population: expected an integer, got '0x10'"},
    {"municipalities-lat-1e400.csv", ":2:3: lat: 1e400 is out of range; expected a number from -90 to 90"},
    {"municipalities-lat-nan.csv", ":2:3: lat: expected a number (decimal point), got 'NaN'"},
    {"municipalities-lon-infinity.csv", ":2:4: lon: expected a number (decimal point), got '-Infinity'"},
    {"municipalities-lat-without-lon.csv", ":2:4: lat and lon must be given together"},
    {"municipalities-decimal-comma-in-comma-file.csv", ":2:3: lat: expected a number (decimal point), got '52,1'"},
    {"municipalities-area-negative.csv", ":2:3: area_km2: -0.5 is out of range; expected a number from 0 to 1000000000"},
    // arrangements
    {"arrangements-duplicate-id.csv", ":4:1: duplicate arrangement id 'A1'"},
    {"arrangements-empty-name.csv", ":2:2: empty name; expected a value"},
    {"arrangements-missing-id-column.csv", ":1: missing required column 'id' (header has: ident, name)"},
    {"arrangements-year-text.csv", ":2:3: start_year: expected an integer, got 'twenty'"},
    {"arrangements-year-out-of-range.csv", ":2:3: start_year: 99999 is out of range; expected an integer from 1000 to 9999"},
    {"arrangements-end-before-start.csv", ":2:4: end_year 2010 is before start_year 2015"},
    {"arrangements-unknown-host.csv", ":2:3: host 'GM9' is not a code in municipalities.csv"},
    {"arrangements-inhabitants-negative.csv",
     ":2:3: inhabitants: -1 is out of range; expected an integer from 0 to 1000000000"},
    // memberships
    {"memberships-unknown-municipality.csv", ":3:2: unknown municipality 'GM9'; expected a code from municipalities.csv"},
    {"memberships-unknown-arrangement.csv", ":2:1: unknown arrangement 'A9'; expected an id from arrangements.csv"},
    {"memberships-duplicate.csv", ":4:2: duplicate membership of 'GM1' in arrangement 'A1'"},
    {"memberships-role-unknown.csv", ":2:3: role: expected member, host or client, got 'boss'"},
    {"memberships-board-seats-negative.csv", ":2:3: board_seats: -1 is out of range; expected an integer from 0 to 1000"},
    {"memberships-board-seats-nan.csv", ":2:3: board_seats: expected an integer, got 'NaN'"},
    {"memberships-contribution-1e400.csv",
     ":2:3: contribution_eur: 1e400 is out of range; expected a number from -1e+15 to 1e+15"},
    {"memberships-share-above-one.csv", ":2:3: share: 1.5 is out of range; expected a number from 0 to 1"},
    {"memberships-missing-municipality-column.csv",
     ":1: missing required column 'municipality_code' (header has: arrangement_id, gemeente)"},
    {"memberships-code-with-space.csv", ":2:2: unknown municipality 'GM 1'; expected a code from municipalities.csv"},
    {"memberships-end-before-start.csv", ":2:4: end_year 2019 is before start_year 2020"},
    {"memberships-decimal-comma-garbled.csv",
     ":2:3: contribution_eur: expected a number (decimal comma or point), got '12,5,3'"},
    {"memberships-empty-code.csv", ":2:2: empty municipality_code; expected a value"},
    // the optional files
    {"neighbours-self.csv", ":2:1: municipality 'GM1' cannot neighbour itself"},
    {"neighbours-unknown.csv", ":2:1: unknown municipality 'GM9'"},
    {"neighbours-duplicate-reversed.csv", ":3:1: duplicate neighbour pair 'GM1', 'GM2'"},
    {"neighbours-border-negative.csv", ":2:3: border_km: -2 is out of range; expected a number from 0 to 1000000"},
    {"participants-unknown-arrangement.csv", ":2:1: unknown arrangement 'A9'"},
    {"outlines-unknown-owner.csv", ":2:1: outline owner 'GM9' is neither a municipality nor an arrangement"},
};

// Workbooks (tests/fixtures/workbook/malformed-<case>.xlsx, made by LibreOffice from
// make_malformed.py): the message after the file name, located as sheet!cell.
inline const std::vector<Case> workbook_cases{
    {"malformed-wrong-sheet-names.xlsx",
     ": no sheet 'municipalities' (the workbook has: Gemeenten, Regelingen, Deelnames); expected sheets "
     "municipalities, arrangements and memberships"},
    {"malformed-missing-column.xlsx", ":municipalities!1: missing required column 'name' (header has: code, naam)"},
    {"malformed-unknown-municipality.xlsx",
     ":memberships!B3: unknown municipality 'GM9999'; expected a code from sheet municipalities"},
    {"malformed-unknown-arrangement.xlsx",
     ":memberships!A3: unknown arrangement 'A9'; expected an id from sheet arrangements"},
    {"malformed-duplicate-code.xlsx", ":municipalities!A4: duplicate municipality code 'GM1'"},
    {"malformed-bad-role.xlsx", ":memberships!C2: role: expected member, host or client, got 'voorzitter'"},
    {"malformed-population-text.xlsx", ":municipalities!C2: population: expected an integer, got '12.500 inw'"},
    {"malformed-duplicate-column.xlsx", ":municipalities!C1: duplicate column 'Code' in header (also column A)"},
};

// The ROO register importer: each fixture replaces one file of the small valid
// register tests/fixtures/roo/small/gemeenschappelijke-regelingen/; the error
// names error_in (the same file, or the version it collides with).
struct RooCase {
    const char* file;      // fixture name under tests/fixtures/malformed/
    const char* replaces;  // file of the small register it replaces
    const char* error_in;  // file the error names
    const char* expected;  // what() after that file's path
};

inline const std::vector<RooCase> roo_cases{
    {"roo-not-yaml.yaml", "samen-2023.yaml", "samen-2023.yaml", ":4:27: not YAML: end of map flow not found"},
    {"roo-no-gr-meta.yaml", "samen-2020.yaml", "samen-2020.yaml",
     ":1:1: version without gr_meta: expected its fields under 'gr_meta:'"},
    {"roo-unknown-code.yaml", "samen-2023.yaml", "samen-2023.yaml", ":29:5: participant code GM9999 ('Gemeente Nergens') names no municipality of the chosen municipalities "
     "nor of the register's gemeenten/"},
    {"roo-loop.yaml", "orgaan-2014.yaml", "orgaan-2014.yaml", ":25:5: version chain loops: orgaan-2014.yaml -> orgaan-2016.yaml -> orgaan-2018.yaml; expected a first version"},
    {"roo-fork.yaml", "orgaan-2016.yaml", "orgaan-2016.yaml", ":21:5: version chain forks: orgaan-2016.yaml follows both orgaan-2014.yaml and samen-2015.yaml; expected one "
     "previous version"},
    {"roo-bad-date.yaml", "oud-werk.yaml", "oud-werk.yaml", ":25:27: 'datum_inwerkingtreding' is '2012-13-01'; expected a date YYYY-MM-DD"},
    {"roo-joining-date-text.yaml", "oud-werk.yaml", "oud-werk.yaml", ":15:24: 'toetredings_datum' is '1 januari 2012'; expected a date YYYY-MM-DD"},
    {"roo-unknown-form.yaml", "oud-werk.yaml", "oud-werk.yaml", ":10:5: samenwerkingsvorm.afkorting is 'XYZ'; expected OL, BVO, GO or RZM"},
};

}  // namespace regionet::test::malformed
