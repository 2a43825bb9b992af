// Every text of the board report in Dutch and English. Placeholders {0}, {1}
// are filled by fill(). Keep both languages side by side; a test checks that
// every key has both and the same placeholders.
#include "render/report_texts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "model/error.hpp"

namespace regionet::render::report {

namespace {

struct Entry {
    const char* key;
    const char* nl;
    const char* en;
};

// clang-format off
const Entry k_texts[] = {
    {"title", "Samenwerking tussen gemeenten", "Cooperation between municipalities"},
    {"subtitle", "Netwerkanalyse van de samenwerkingsverbanden in {0}", "Network analysis of the cooperation arrangements in {0}"},
    {"subtitle.scope", "Netwerkanalyse van de samenwerkingsverbanden in {0}, {1}", "Network analysis of the cooperation arrangements in {0}, {1}"},
    {"scope.province", "provincie {0}", "province {0}"},
    {"scope.region", "regio {0}", "region {0}"},
    {"scope.division", "regio-indeling {0}", "division {0}"},
    {"meta.dataset", "Gegevens", "Data"},
    {"meta.reference_date", "Peildatum", "Reference date"},
    {"meta.scope", "Afbakening", "Scope"},
    {"meta.focus", "Gemeente in beeld", "Municipality in focus"},
    {"meta.version", "Gemaakt met", "Made with"},
    {"meta.stamp", "Gemaakt op", "Made on"},
    {"toc", "Inhoud", "Contents"},
    {"footer", "Gemaakt met regionet. Alle cijfers volgen uit de genoemde gegevens; zie hoofdstuk Methoden en bronnen.",
               "Made with regionet. Every figure follows from the data named; see the chapter Methods and sources."},
    {"js.sort", "Sorteren", "Sort"},
    {"js.filter", "Filter", "Filter"},
    {"js.rows", "{0} van {1} rijen", "{0} of {1} rows"},

    {"s.summary", "Samenvatting", "Summary"},
    {"s.maps", "Kaarten", "Maps"},
    {"s.redundancy", "Overlap en dubbelingen", "Overlap and redundancy"},
    {"s.load", "Bestuurlijke drukte", "Administrative load"},
    {"s.position", "Positie in het netwerk", "Network position"},
    {"s.communities", "Clusters en officiële regio's", "Clusters and official regions"},
    {"s.screening", "Vragen uit de praktijk", "Questions from practice"},
    {"s.profiles", "Gemeenteprofielen", "Municipality profiles"},
    {"s.methods", "Methoden en bronnen", "Methods and sources"},

    {"kf.municipalities", "gemeenten", "municipalities"},
    {"kf.arrangements", "samenwerkingsverbanden", "cooperation arrangements"},
    {"kf.regions", "regio's in {0} regio-indelingen", "regions in {0} regional divisions"},
    {"kf.mean_memberships", "verbanden per gemeente (gemiddeld)", "arrangements per municipality (mean)"},

    {"sum.memberships", "Een gemeente neemt in deze gegevens gemiddeld deel aan {0} verbanden (mediaan {1}). Het meest: ",
                        "In these data a municipality takes part in {0} arrangements on average (median {1}). The most: "},
    {"sum.memberships.max", " met {0}.", " with {0}."},
    {"sum.twenty.above", "Dat bevestigt het vaak genoemde beeld van \xe2\x80\x98meer dan twintig\xe2\x80\x99 samenwerkingsverbanden per gemeente: {0} van de {1} gemeenten zitten daarboven.",
                         "This confirms the often-quoted picture of \xe2\x80\x98more than twenty\xe2\x80\x99 arrangements per municipality: {0} of the {1} municipalities are above it."},
    {"sum.twenty.below", "Vaak wordt gezegd dat een gemeente aan \xe2\x80\x98meer dan twintig\xe2\x80\x99 samenwerkingsverbanden deelneemt; in deze gegevens geldt dat voor {0} van de {1} gemeenten. Een lager getal zegt vooral iets over wat de gegevens bevatten: alleen de hier opgenomen verbanden tellen mee.",
                         "It is often said that a municipality takes part in \xe2\x80\x98more than twenty\xe2\x80\x99 arrangements; in these data that holds for {0} of the {1} municipalities. A lower number says mostly what the data contain: only the arrangements recorded here count."},
    {"sum.stats.caption", "Deelnames per gemeente", "Memberships per municipality"},
    {"sum.stats.all", "Alle verbanden", "All arrangements"},
    {"sum.stats.joint", "Samenwerkingsverbanden", "Cooperation arrangements"},
    {"sum.stats.regions", "Regio's van regio-indelingen", "Regions of regional divisions"},
    {"sum.findings", "Belangrijkste bevindingen", "Main findings"},
    {"sum.focus", "Dit rapport opent met het oog op", "This report focuses on"},
    {"sum.forms", "Vormen en domeinen", "Forms and domains"},
    {"sum.forms.caption", "Samenwerkingsverbanden naar vorm", "Arrangements by form"},
    {"sum.domains.caption", "Samenwerkingsverbanden naar domein", "Arrangements by domain"},
    {"sum.divisions.caption", "Regio-indelingen", "Regional divisions"},

    {"col.arrangements", "Verbanden", "Arrangements"},
    {"col.mean", "Gemiddeld", "Mean"},
    {"col.median", "Mediaan", "Median"},
    {"col.max", "Hoogste", "Maximum"},
    {"col.above_twenty", "Gemeenten boven 20", "Municipalities above 20"},
    {"col.count", "Aantal", "Count"},
    {"col.memberships", "Deelnames", "Memberships"},
    {"col.mean_members", "Gem. deelnemers", "Mean members"},
    {"col.form", "Vorm", "Form"},
    {"col.domain", "Domein", "Domain"},
    {"col.division", "Regio-indeling", "Division"},
    {"col.regions", "Regio's", "Regions"},
    {"col.municipalities", "Gemeenten", "Municipalities"},
    {"col.arrangement_a", "Verband A", "Arrangement A"},
    {"col.arrangement_b", "Verband B", "Arrangement B"},
    {"col.shared", "Gedeeld", "Shared"},
    {"col.jaccard", "Jaccard", "Jaccard"},
    {"col.only_a", "Alleen in A", "Only in A"},
    {"col.only_b", "Alleen in B", "Only in B"},
    {"col.smaller", "Kleiner verband", "Smaller arrangement"},
    {"col.members", "Deelnemers", "Members"},
    {"col.inside", "Valt binnen", "Lies inside"},
    {"col.weighted_load", "Gewogen last", "Weighted load"},
    {"col.rank", "Rang", "Rank"},
    {"col.municipality", "Gemeente", "Municipality"},
    {"col.host_roles", "Gastheer", "Host roles"},
    {"col.board_seats", "Bestuurszetels", "Board seats"},
    {"col.per_10k", "Per 10.000 inwoners", "Per 10,000 inhabitants"},
    {"col.arrangement", "Verband", "Arrangement"},
    {"col.pairs", "Paren", "Pairs"},
    {"col.meetings", "Vergaderingen/jaar", "Meetings/year"},
    {"col.community", "Cluster", "Cluster"},
    {"col.size", "Omvang", "Size"},
    {"col.ari", "ARI", "ARI"},
    {"col.nmi", "NMI", "NMI"},
    {"col.question", "Vraag aan het bestuur", "Question for the board"},
    {"col.rule", "Les uit de praktijk", "Lesson from practice"},
    {"col.finding", "Bevinding", "Finding"},
    {"col.source", "Bron", "Source"},
    {"col.role", "Rol", "Role"},
    {"col.setting", "Instelling", "Setting"},
    {"col.value", "Waarde", "Value"},

    {"unknown", "onbekend", "unknown"},
    {"unit.meetings", "vergaderingen per jaar", "meetings per year"},
    {"division.province", "provincie", "province"},
    {"and", " en ", " and "},
    {"see", "zie", "see"},
    {"missing", "Dit onderdeel ontbreekt in dit rapport: {0}", "This part is missing from this report: {0}"},
    {"what.maps", "er zijn geen kaarten gemaakt (de kaartweergave is niet beschikbaar in deze versie).",
                  "no maps were drawn (the map views are not available in this version)."},
    {"what.overlap", "de overlapanalyse is niet uitgevoerd.", "the overlap analysis was not run."},
    {"what.load", "de analyse van de bestuurlijke drukte is niet uitgevoerd.", "the administrative load analysis was not run."},
    {"what.centrality", "de netwerkmaten zijn niet berekend.", "the network measures were not computed."},
    {"what.communities", "de clusteranalyse en de vergelijking van regio-indelingen zijn niet beschikbaar in deze versie.",
                         "the cluster analysis and the comparison of regional divisions are not available in this version."},
    {"what.screen", "de toets aan praktijkregels is niet beschikbaar in deze versie.", "the screening against rules from practice is not available in this version."},

    {"find.redundancy", "{0}; {1}", "{0}; {1}"},
    {"find.redundancy.none", "Geen paren van verbanden in hetzelfde domein met (bijna) dezelfde deelnemers; {0}",
                             "No pairs of arrangements in the same domain with (nearly) the same members; {0}"},
    {"find.load", "De grootste bestuurlijke drukte draagt", "The heaviest administrative load falls on"},
    {"find.load.value", " ({0} vergaderingen per jaar)", " ({0} meetings per year)"},
    {"find.load.per10k", "; naar inwoners gerekend is dat", "; relative to population it is"},
    {"find.load.per10k.value", " ({0} per 10.000 inwoners)", " ({0} per 10,000 inhabitants)"},
    {"find.central", "Het meest verbonden zijn", "The most connected are"},
    {"find.broker", "de belangrijkste verbinder tussen groepen is", "the main broker between groups is"},
    {"find.communities", "De clusters in het netwerk lijken het meest op de indeling {0} (ARI {1}).",
                         "The clusters in the network resemble the division {0} most (ARI {1})."},
    {"find.screen", "De toets aan lessen uit de praktijk levert {0} vragen voor het bestuur op.",
                    "The screening against lessons from practice raises {0} questions for the board."},
    {"find.screen.none", "De toets aan lessen uit de praktijk levert geen vragen op.", "The screening against lessons from practice raises no questions."},

    {"maps.not_drawn", "Een kaart is niet getekend: {0}", "A map was not drawn: {0}"},
    // why (render/report_figures.cpp, not_drawn_reason): too many nodes, or another failure with its technical message
    {"maps.too_large", "de kaart zou {0} punten krijgen, meer dan de {1} die een tekening leesbaar kan tonen; met een kleinere afbakening (een provincie, een regio of een domein) wordt hij wel getekend",
                       "the map would have {0} nodes, more than the {1} a drawing can show legibly; a narrower scope (a province, a region or a domain) draws it"},
    {"maps.failed", "het tekenen mislukte (technische melding: {0})", "drawing it failed (technical message: {0})"},
    {"map.network.title", "Samenwerkingsnetwerk", "Cooperation network"},
    {"map.network.caption", "Gemeenten verbonden door gedeelde verbanden; lijndikte: aantal gedeelde verbanden; grootte: gewogen last; kleur: cluster.",
                            "Municipalities linked by shared arrangements; line width: number of shared arrangements; size: weighted load; colour: cluster."},
    {"map.network.alt", "Kaart van het samenwerkingsnetwerk van {0} gemeenten.", "Map of the cooperation network of {0} municipalities."},
    {"map.overlap.title", "Overlap tussen verbanden", "Overlap between arrangements"},
    {"map.overlap.caption", "Verbanden die deelnemers delen; gemarkeerd: kandidaat-dubbelingen; pijl: het kleinere verband valt binnen het grotere.",
                            "Arrangements sharing members; highlighted: redundancy candidates; arrow: the smaller arrangement lies inside the larger."},
    {"map.overlap.alt", "Netwerk van {0} overlappende paren van verbanden.", "Network of {0} overlapping pairs of arrangements."},
    {"map.division.title", "Regio-indeling {0}", "Regional division {0}"},
    {"map.division.caption", "De regio's van {0} met hun gemeenten; gemarkeerd: samenwerking over de regiogrens heen.",
                             "The regions of {0} with their municipalities; highlighted: cooperation across region borders."},
    {"map.division.alt", "Kaart van de regio-indeling {0}.", "Map of the regional division {0}."},
    {"map.ego.title", "Samenwerking van {0}", "Cooperation of {0}"},
    {"map.ego.caption", "De verbanden van {0} per domein, met de partners erin.", "The arrangements of {0} by domain, with the partners in them."},
    {"map.ego.alt", "Netwerk van de verbanden en partners van {0}.", "Network of the arrangements and partners of {0}."},
    {"fig.size.load", "gewogen last", "weighted load"},
    {"fig.colour.cluster", "cluster", "cluster"},
    {"map.legend.cluster", "Cluster {0}", "Cluster {0}"},
    {"maps.intro", "Beweeg over een gemeente voor de kerncijfers; klik om naar haar profiel te gaan.",
                   "Hover over a municipality for its key figures; click to go to its profile."},

    {"red.intro", "Twee verbanden overlappen als ze deelnemers delen. Zitten ze ook in hetzelfde domein en zijn de deelnemers grotendeels dezelfde, dan is de vraag of beide nodig zijn. Een verband dat helemaal binnen een ander valt, kan misschien als onderdeel daarvan worden georganiseerd.",
                  "Two arrangements overlap when they share members. When they also work in the same domain and their members are largely the same, the question is whether both are needed. An arrangement lying entirely inside another might be organised as part of it."},
    {"red.counts", "{0}; {1}, {2}, en {3}.", "{0}; {1}, {2}, and {3}."},
    {"red.candidates.caption", "Kandidaat-dubbelingen: zelfde domein, (bijna) dezelfde deelnemers", "Redundancy candidates: same domain, (nearly) the same members"},
    {"red.regions.caption", "Regio's van verschillende indelingen met (bijna) dezelfde gemeenten", "Regions of different divisions with (nearly) the same municipalities"},
    {"red.top.caption", "Sterkste overige overlap", "Strongest other overlap"},
    {"col.overlap_coefficient", "Overlapcoëfficiënt", "Overlap coefficient"},
    {"red.none", "Er zijn geen kandidaat-dubbelingen gevonden.", "No redundancy candidates were found."},
    {"red.nested.caption", "Verbanden die binnen een ander verband vallen", "Arrangements lying inside another"},
    {"red.nested.more", "De eerste {0} van {1} staan hier; de volledige lijst geeft `regionet overlap`.", "The first {0} of {1} are shown; `regionet overlap` lists them all."},

    {"load.intro", "Elk verband vraagt vergaderingen, stukken en afstemming van wethouders, burgemeesters en ambtenaren. De gewogen last telt per deelname het verwachte aantal vergaderingen per jaar naar vorm en rol, plus de bestuurszetels. Per 10.000 inwoners gerekend wordt zichtbaar welke kleine gemeenten een onevenredige last dragen.",
                   "Every arrangement takes meetings, papers and coordination from aldermen, mayors and civil servants. The weighted load counts for each membership the expected meetings per year by form and role, plus board seats. Per 10,000 inhabitants it shows which small municipalities carry a disproportionate load."},
    {"load.not_in_data", "Niet in de gegevens en daarom weggelaten: {0}. De bron vermeldt die niet; een leeg vak zou als nul gelezen worden.",
     "Not in the data and therefore left out: {0}. The source does not record them; an empty column would read as zero."},
    {"load.chart.title", "Gewogen bestuurlijke last: de {0} hoogste", "Weighted administrative load: the top {0}"},
    {"load.chart.alt", "Staafdiagram van de gewogen bestuurlijke last per gemeente; de hoogste is {0} met {1}.",
                       "Bar chart of the weighted administrative load per municipality; the highest is {0} with {1}."},
    {"load.table.caption", "Bestuurlijke drukte per gemeente (gewogen last in vergaderingen per jaar)", "Administrative load per municipality (weighted load in meetings per year)"},
    {"load.arr.intro", "De afstemmingskosten van een verband groeien met het aantal paren deelnemers, n(n\xe2\x88\x92" "1)/2: een verband van tien gemeenten heeft 45 onderlinge relaties.",
                       "The coordination cost of an arrangement grows with the number of member pairs, n(n\xe2\x88\x92" "1)/2: an arrangement of ten municipalities has 45 mutual relations."},
    {"load.arr.caption", "Verbanden met de meeste onderlinge relaties", "Arrangements with the most member pairs"},

    {"pos.intro", "Het netwerk verbindt twee gemeenten als ze samen in een verband zitten; het gewicht is het aantal gedeelde verbanden. Elke maat zegt iets anders over de rol van een gemeente:",
                  "The network links two municipalities when they share an arrangement; the weight is the number of shared arrangements. Each measure says something different about a municipality's role:"},
    {"measure.degree", "Partners", "Partners"},
    {"measure.strength", "Sterkte", "Strength"},
    {"measure.eigenvector", "Eigenvector", "Eigenvector"},
    {"measure.pagerank", "PageRank", "PageRank"},
    {"measure.harmonic", "Nabijheid", "Closeness"},
    {"measure.betweenness", "Tussenpositie", "Betweenness"},
    {"measure.constraint", "Beperking (Burt)", "Constraint (Burt)"},
    {"pos.means.degree", "met hoeveel gemeenten zij samenwerkt; veel partners betekent veel overleg en veel invloed.",
                         "how many municipalities it works with; many partners means much consultation and much influence."},
    {"pos.means.strength", "hoeveel gedeelde verbanden zij in totaal heeft; een maat voor de bestuurlijke verwevenheid.",
                           "how many shared arrangements it has in total; a measure of administrative interweaving."},
    {"pos.means.eigenvector", "hoog als haar partners zelf centraal zijn; zulke gemeenten zitten in de kern waar beslissingen vallen.",
                              "high when its partners are central themselves; such municipalities sit in the core where decisions are made."},
    {"pos.means.pagerank", "verwante maat die ook kleine, goed verbonden partners meetelt; de kansen om informatie te ontvangen.",
                           "a related measure that also counts small, well-connected partners; the chance of receiving information."},
    {"pos.means.harmonic", "hoe dicht zij via gedeelde verbanden bij alle andere gemeenten staat; wie dichtbij staat, bereikt snel de hele regio.",
                           "how close it stands to all other municipalities through shared arrangements; who is close reaches the whole region quickly."},
    {"pos.means.betweenness", "hoe vaak zij op de kortste verbinding tussen andere gemeenten ligt; een verbinder tussen groepen die anders los van elkaar staan. Valt zij weg, dan vallen verbindingen weg.",
                              "how often it lies on the shortest link between other municipalities; a broker between groups that would otherwise stand apart. If it drops out, links drop out."},
    {"pos.means.constraint", "laag als haar partners onderling weinig verbonden zijn (een makelaarspositie met eigen speelruimte), hoog als zij in één gesloten groep zit.",
                             "low when its partners are little connected among themselves (a broker with room to manoeuvre), high when it sits in one closed group."},
    {"pos.central.caption", "Meest verbonden gemeenten (naar sterkte)", "Most connected municipalities (by strength)"},
    {"pos.brokers.caption", "Verbinders tussen groepen (naar tussenpositie)", "Brokers between groups (by betweenness)"},
    {"pos.brokers.none", "Geen gemeente ligt op een kortste verbinding tussen andere: het netwerk bestaat uit losse, volledig verbonden groepen.",
                         "No municipality lies on a shortest link between others: the network consists of separate, fully connected groups."},
    {"pos.estimated", "De tussenpositie is geschat (een deel van de paden), niet exact berekend.", "Betweenness is estimated (from part of the paths), not computed exactly."},

    {"com.intro", "Clusters zijn groepen gemeenten die onderling veel meer samenwerken dan met anderen. Vallen ze samen met een officiële regio-indeling, dan past die indeling bij de praktijk; waar ze afwijken, werkt de praktijk over de grenzen van de indeling heen.",
                  "Clusters are groups of municipalities that cooperate much more among themselves than with others. Where they coincide with an official regional division, the division fits practice; where they differ, practice works across its borders."},
    {"com.isolated", "Zonder banden", "Without ties"},
    {"com.table.caption", "Clusters in het samenwerkingsnetwerk", "Clusters in the cooperation network"},
    {"com.agreement.caption", "Overeenkomst van de clusters met de officiële regio-indelingen", "Agreement of the clusters with the official regional divisions"},
    {"com.heat.caption", "Congruentie van de regio-indelingen (ARI; 1 = gelijke indeling)", "Congruence of the regional divisions (ARI; 1 = identical division)"},
    {"com.heat.legend", "Hoe donkerder de cel, hoe meer de twee indelingen samenvallen. ARI 1 betekent dezelfde indeling, 0 niet meer overeenkomst dan toeval.",
                        "The darker the cell, the more the two divisions coincide. ARI 1 means the same division, 0 no more agreement than chance."},

    {"scr.intro", "Evaluaties van ambtelijke fusies (2005-2017) leverden lessen op. Waar de gegevens een les raken, staat hier een vraag voor het bestuur, met de regel en haar bron. Het zijn vragen, geen oordelen.",
                  "Evaluations of civil-service mergers (2005-2017) yielded lessons. Where the data touch a lesson, a question for the board is listed here, with the rule and its source. They are questions, not verdicts."},
    {"scr.none", "Geen van de regels uit de praktijk is van toepassing op deze gegevens.", "None of the rules from practice applies to these data."},
    {"scr.caption", "Vragen voor het bestuur", "Questions for the board"},
    {"scr.not_in_data", "Urgentie, vertrouwen, leiderschap en cultuur bepalen mede of samenwerking slaagt. Ze staan niet in de gegevens: bespreek ze als vragen, niet als scores.",
                        "Urgency, trust, leadership and culture also decide whether cooperation succeeds. They are not in the data: discuss them as questions, not as scores."},

    {"prof.intro", "Per gemeente: haar verbanden, haar partners, haar last en haar positie in het netwerk.",
                   "Per municipality: its arrangements, its partners, its load and its position in the network."},
    // {2}, {3} and {4} are prof.n.joint, prof.n.regions and prof.n.seats (one or more)
    {"prof.facts", "Provincie {0}; inwoners {1}. Neemt deel aan {2} en {3}; {4} bekend.",
                   "Province {0}; inhabitants {1}. Takes part in {2} and {3}; {4} recorded."},
    {"prof.load", "Gewogen last {0} vergaderingen per jaar (rang {1} van {2}).", "Weighted load {0} meetings per year (rank {1} of {2})."},
    {"prof.per10k", "Per 10.000 inwoners: {0}.", "Per 10,000 inhabitants: {0}."},
    {"prof.position", "In het netwerk: rang {1} van {2} naar sterkte.", "In the network: rank {1} of {2} by strength."},
    {"prof.broker", "Rang {0} als verbinder (tussenpositie).", "Rank {0} as a broker (betweenness)."},
    {"prof.arr.caption", "Samenwerkingsverbanden van {0}", "Cooperation arrangements of {0}"},
    {"prof.regions", "Regio's:", "Regions:"},
    {"prof.partners", "Partners ({0}), met het aantal gedeelde verbanden:", "Partners ({0}), with the number of shared arrangements:"},
    {"prof.suggested", "Mogelijke nieuwe partners:", "Possible new partners:"},

    {"meth.definitions", "Begrippen en maten", "Terms and measures"},
    {"def.membership.term", "Deelname", "Membership"},
    {"def.membership", "een gemeente neemt deel aan een verband (als lid, gastheer of afnemer). Een regio van een regio-indeling (veiligheidsregio, GGD-regio, ...) telt ook als verband.",
                       "a municipality takes part in an arrangement (as member, host or client). A region of a regional division (safety region, GGD region, ...) counts as an arrangement too."},
    {"def.jaccard.term", "Jaccard-index", "Jaccard index"},
    {"def.jaccard", "gedeelde deelnemers gedeeld door alle deelnemers van twee verbanden samen: |A\xe2\x88\xa9" "B| / |A\xe2\x88\xaa" "B|; 1 = dezelfde deelnemers.",
                    "shared members divided by all members of two arrangements together: |A\xe2\x88\xa9" "B| / |A\xe2\x88\xaa" "B|; 1 = the same members."},
    {"def.overlap_coefficient.term", "Overlapcoëfficiënt", "Overlap coefficient"},
    {"def.overlap_coefficient", "gedeelde deelnemers gedeeld door de deelnemers van het kleinste verband; 1 bij ongelijke omvang = het kleinere valt binnen het grotere.",
                                "shared members divided by the members of the smaller arrangement; 1 with unequal sizes = the smaller lies inside the larger."},
    {"def.redundancy.term", "Kandidaat-dubbeling", "Redundancy candidate"},
    {"def.redundancy", "twee verbanden in hetzelfde domein met een Jaccard-index op of boven de drempel.", "two arrangements in the same domain with a Jaccard index at or above the threshold."},
    {"def.nested.term", "Genest", "Nested"},
    {"def.nested", "alle deelnemers van het ene verband zitten ook in het andere, grotere.", "all members of one arrangement also sit in the other, larger one."},
    {"def.load.term", "Gewogen last", "Weighted load"},
    {"def.load", "som over de deelnames van het verwachte aantal vergaderingen per jaar van de vorm, maal een factor voor de rol, plus vergaderingen per bestuurszetel.",
                 "sum over memberships of the expected meetings per year of the form, times a factor for the role, plus meetings per board seat."},
    {"def.per10k.term", "Per 10.000 inwoners", "Per 10,000 inhabitants"},
    {"def.per10k", "gewogen last gedeeld door het aantal inwoners, maal 10.000.", "weighted load divided by the population, times 10,000."},
    {"def.pairs.term", "Onderlinge relaties", "Member pairs"},
    {"def.pairs", "n(n\xe2\x88\x92" "1)/2 voor een verband met n deelnemers: de afstemmingskosten groeien kwadratisch.",
                  "n(n\xe2\x88\x92" "1)/2 for an arrangement with n members: coordination cost grows quadratically."},
    {"def.projection.term", "Samenwerkingsnetwerk", "Co-membership network"},
    {"def.projection", "gemeenten als knopen, verbonden als ze minstens één verband delen; gewicht = aantal gedeelde verbanden.",
                       "municipalities as nodes, linked when they share at least one arrangement; weight = number of shared arrangements."},
    {"def.degree.term", "Partners (graad)", "Partners (degree)"},
    {"def.degree", "aantal gemeenten waarmee een gemeente minstens één verband deelt.", "number of municipalities with which a municipality shares at least one arrangement."},
    {"def.strength.term", "Sterkte", "Strength"},
    {"def.strength", "som van de gewichten van de verbindingen van een gemeente.", "sum of the weights of a municipality's links."},
    {"def.betweenness.term", "Tussenpositie (betweenness)", "Betweenness"},
    {"def.betweenness", "aandeel van de kortste paden tussen andere gemeenten dat via deze gemeente loopt (afstand = 1/gewicht), genormaliseerd naar 0..1.",
                        "share of the shortest paths between other municipalities passing through this one (distance = 1/weight), normalised to 0..1."},
    {"def.harmonic.term", "Nabijheid (harmonisch)", "Closeness (harmonic)"},
    {"def.harmonic", "gemiddelde van 1/afstand tot alle andere gemeenten.", "mean of 1/distance to all other municipalities."},
    {"def.eigenvector.term", "Eigenvectorcentraliteit", "Eigenvector centrality"},
    {"def.eigenvector", "centraal zijn door centrale partners, geschaald zodat de hoogste 1 is.", "being central through central partners, scaled so the highest is 1."},
    {"def.pagerank.term", "PageRank", "PageRank"},
    {"def.pagerank", "gewogen PageRank met demping 0,85; de waarden tellen op tot 1.", "weighted PageRank with damping 0.85; the values sum to 1."},
    {"def.constraint.term", "Beperking (Burt)", "Constraint (Burt)"},
    {"def.constraint", "hoe sterk de partners van een gemeente onderling verbonden zijn; laag = makelaarspositie.", "how strongly a municipality's partners are connected among themselves; low = brokerage."},
    {"def.community.term", "Cluster", "Cluster"},
    {"def.community", "groep gemeenten gevonden door modulariteit te maximaliseren (Louvain/Leiden) op het samenwerkingsnetwerk.",
                      "group of municipalities found by maximising modularity (Louvain/Leiden) on the co-membership network."},
    {"def.ari.term", "Gecorrigeerde Rand-index (adjusted Rand index, ARI)", "Adjusted Rand index (ARI)"},
    {"def.ari", "overeenkomst tussen twee indelingen van dezelfde gemeenten, gecorrigeerd voor toeval: 1 = gelijk, rond 0 = toevallig.",
                "agreement between two divisions of the same municipalities, corrected for chance: 1 = identical, around 0 = random."},
    {"def.nmi.term", "Genormaliseerde wederzijdse informatie (NMI)", "Normalised mutual information (NMI)"},
    {"def.nmi", "hoeveel de ene indeling over de andere zegt, van 0 (niets) tot 1 (alles).", "how much one division tells about the other, from 0 (nothing) to 1 (everything)."},
    {"set.map_min_jaccard", "Overlapkaart: minimale Jaccard-index", "Overlap map: minimum Jaccard index"},
    {"set.map_max_pairs", "Overlapkaart: hoogstens paren", "Overlap map: at most pairs"},
    {"set.redundancy_threshold", "Drempel kandidaat-dubbeling (Jaccard)", "Redundancy threshold (Jaccard)"},
    {"set.form_meetings", "Vergaderingen per jaar: {0}", "Meetings per year: {0}"},
    {"set.role_factor", "Factor voor rol {0}", "Factor for role {0}"},
    {"set.meetings_per_seat", "Vergaderingen per bestuurszetel", "Meetings per board seat"},
    {"set.unknown_seats", "Aangenomen zetels waar onbekend", "Seats assumed where unknown"},
    {"set.betweenness", "Tussenpositie", "Betweenness"},
    {"set.cluster_method", "Clustermethode", "Cluster method"},
    {"meth.settings.caption", "Drempels en gewichten in dit rapport", "Thresholds and weights used in this report"},
    {"meth.sources", "Bronnen", "Sources"},
    {"meth.dataset", "Gegevensset {0}: {1} (peildatum {2}).", "Dataset {0}: {1} (reference date {2})."},
    {"meth.version", "Berekend met regionet {0}. Dezelfde gegevens en instellingen geven hetzelfde rapport.",
                     "Computed with regionet {0}. The same data and settings give the same report."},
    {"meth.limits", "Beperkingen: de analyse ziet alleen de verbanden en deelnames in de gegevens. Ontbreken er verbanden, dan zijn de aantallen te laag en kunnen posities verschuiven. Vergaderlast is een schatting op basis van de gewichten hierboven, geen gemeten tijd.",
                    "Limitations: the analysis sees only the arrangements and memberships in the data. Where arrangements are missing, counts are too low and positions may shift. The meeting load is an estimate from the weights above, not measured time."},
    // coverage (issue 13): the methods section on how complete the data are
    // and which forms and domains were inferred; the marker in the profiles.
    {"cov.title", "Dekking van de gegevens", "Coverage of the data"},
    {"cov.intro", "Niet elke bron legt alle samenwerking even volledig vast, en registers verschillen per provincie. De tabel toont per provincie hoeveel gemeenten in deze gegevens aan minstens \xc3\xa9\xc3\xa9n samenwerkingsverband deelnemen en aan hoeveel verbanden een gemeente daar doorgaans deelneemt (mediaan). Waar die getallen laag zijn, zijn vaak de gegevens dun; dat betekent niet zonder meer dat er minder wordt samengewerkt. Regio's van regio-indelingen, dubbele registraties en opgeheven verbanden tellen niet mee.",
                  "Not every source records all cooperation equally fully, and registers differ by province. The table shows per province how many municipalities in these data take part in at least one cooperation arrangement and in how many arrangements a municipality there typically takes part (median). Where these figures are low, the data are often thin; that does not by itself mean there is less cooperation. Regions of regional divisions, second registrations and dissolved arrangements are not counted."},
    {"cov.national", "{0} van de {1} gemeenten nemen in deze gegevens deel aan minstens \xc3\xa9\xc3\xa9n van de {2} samenwerkingsverbanden.",
                     "{0} of the {1} municipalities take part in at least one of the {2} cooperation arrangements in these data."},
    {"cov.range", "De mediaan per gemeente loopt uiteen van {0} in {1} tot {2} in {3}. Vergelijk gemeenten uit verschillende provincies daarom met voorzichtigheid.",
                  "The median per municipality ranges from {0} in {1} to {2} in {3}. Compare municipalities of different provinces with care."},
    {"cov.caption", "Dekking per provincie (een verband met gemeenten in twee provincies telt in beide mee)",
                    "Coverage per province (an arrangement with municipalities in two provinces counts in both)"},
    {"cov.col.province", "Provincie", "Province"},
    {"cov.col.with", "Met samenwerking", "With cooperation"},
    {"cov.col.median", "Mediaan verbanden per gemeente", "Median arrangements per municipality"},
    {"cov.both.stated", "Vorm en domein van elk verband komen uit de bron.", "The form and domain of every arrangement come from the source."},
    {"cov.form.stated", "De vorm van elk verband komt uit de bron.", "The form of every arrangement comes from the source."},
    {"cov.form.inferred", "De vorm van {0} van de {1} verbanden staat niet in de bron; regionet heeft die afgeleid: {2}.",
                          "The form of {0} of the {1} arrangements is not in the source; regionet inferred it: {2}."},
    {"cov.domain.stated", "Het domein van elk verband komt uit de bron.", "The domain of every arrangement comes from the source."},
    {"cov.domain.inferred", "Het domein van {0} van de {1} verbanden staat niet in de bron; regionet heeft het afgeleid: {2}.",
                            "The domain of {0} of the {1} arrangements is not in the source; regionet inferred it: {2}."},
    {"cov.basis.name", "{0} uit de naam van het verband", "{0} from the arrangement's name"},
    {"cov.basis.legal_basis", "{0} uit de wettelijke grondslag (bijvoorbeeld de Wet veiligheidsregio's)", "{0} from the legal basis (for example the Safety Regions Act)"},
    {"cov.basis.purpose", "{0} uit de omschrijving van het doel", "{0} from the description of its purpose"},
    {"cov.basis.none", "bij {0} was het niet af te leiden (domein onbekend)", "for {0} it could not be inferred (domain unknown)"},
    {"cov.basis.other", "{0} op grond van: {1}", "{0} on the basis of: {1}"},
    {"cov.inferred.how", "Afleiden gebeurt met vaste lijsten van trefwoorden en wetten; het is een goede gok, geen vaststelling door de bron. In de overzichten van verbanden per gemeente staat daarom een * bij een afgeleide vorm of een afgeleid domein.",
                         "Inference uses fixed lists of keywords and laws; it is a good guess, not a statement by the source. The lists of arrangements per municipality therefore mark an inferred form or domain with a *."},
    {"cov.marker", " *", " *"},
    {"cov.marker.note", "* afgeleid door regionet, niet vermeld door de bron (zie Methoden en bronnen, Dekking van de gegevens).",
                        "* inferred by regionet, not stated by the source (see Methods and sources, Coverage of the data)."},
    // Maps and the offline explorer (issue 14): every text of `regionet explore`.
    {"map.explore.title", "Verkenner samenwerking: {0}", "Cooperation explorer: {0}"},
    {"map.explore.intro", "Klik op een gemeente op de kaart (of zoek haar op) om haar partners en verbanden te zien. Werkt zonder internet.", "Click a municipality on the map (or search for it) to see its partners and arrangements. Works without internet."},
    {"map.explore.search", "Zoek gemeente of verband", "Search municipality or arrangement"},
    {"map.explore.domain", "Domein", "Domain"},
    {"map.explore.form", "Vorm", "Form"},
    {"map.explore.division", "Indeling", "Division"},
    {"map.explore.all", "alle", "all"},
    {"map.explore.joint", "alleen gemeenschappelijke regelingen en samenwerking", "joint arrangements only"},
    {"map.explore.regions", "alleen regio's van indelingen", "regions of divisions only"},
    {"map.explore.none", "Kies een gemeente of een verband.", "Choose a municipality or an arrangement."},
    {"map.explore.province", "Provincie", "Province"},
    {"map.explore.population", "Inwoners", "Population"},
    {"map.explore.load", "Bestuurlijke last (gewogen)", "Administrative load (weighted)"},
    {"map.explore.position", "Verbindende positie (betweenness)", "Bridging position (betweenness)"},
    {"map.explore.partners", "{0} partnergemeenten in {1} verbanden", "{0} partner municipalities in {1} arrangements"},
    {"map.explore.arrangements", "Verbanden", "Arrangements"},
    {"map.explore.members", "leden", "members"},
    {"map.explore.role", "rol", "role"},
    {"map.explore.questions", "Vragen uit de screening", "Screening questions"},
    {"map.explore.no_questions", "Geen vragen uit de screening.", "No screening questions."},
    {"map.explore.member_list", "Deelnemers", "Members"},
    {"map.explore.shade", "Kleur: hoe meer gedeelde verbanden, hoe donkerder.", "Shade: the more arrangements shared, the darker."},
    {"map.explore.results", "{0} gevonden", "{0} found"},
    // map views (issue 14): titles, legends, notes and tooltips of render/map_*.cpp
    // and the captions of `regionet map` (plural forms below, in k_plurals).
    {"map.none", "geen", "none"},
    {"map.no_domain", "(geen domein)", "(no domain)"},
    {"map.legend.domain", "Domein:", "Domain:"},
    {"map.legend.region", "Regio:", "Region:"},
    {"map.legend.no_tie", "geen band", "no tie"},
    {"map.measure.population", "inwoners", "population"},
    {"map.measure.municipalities", "aantal gemeenten", "number of municipalities"},
    {"map.measure.degree", "aantal partnergemeenten", "degree (partner municipalities)"},
    {"map.measure.load", "gewogen last (vergaderingen per jaar)", "weighted load (meetings per year)"},
    {"map.measure.betweenness", "tussenpositie (betweenness)", "betweenness"},
    {"map.colour.province", "provincie", "province"},
    {"map.colour.community", "cluster ({0})", "community ({0})"},
    {"map.size.note", "Cirkeloppervlak: {0} (grootste: {1}, {2})", "Circle area: {0} (largest: {1}, {2})"},
    {"map.size.zero", "Cirkeloppervlak: {0} (overal nul: gelijke grootte)", "Circle area: {0} (all zero: uniform size)"},
    {"map.ties.note", "Lijndikte: aantal gedeelde verbanden ({0} tot {1}).", "Line width: arrangements shared ({0} to {1})."},
    {"map.ties.capped", " Alleen de {0} sterkste van {1} banden zijn getekend; kies met --min-weight of een filter.",
                        " Only the {0} strongest of {1} ties are drawn; raise --min-weight or filter to choose."},
    {"map.tip.province", "provincie: {0}", "province: {0}"},
    {"map.tip.population", "inwoners: {0}", "population: {0}"},
    {"map.tip.memberships", "deelnames: {0}", "memberships: {0}"},
    {"map.tip.partners", "partners: {0}", "partners: {0}"},
    {"map.tip.municipalities", "gemeenten: {0}", "municipalities: {0}"},
    {"map.tip.form", "vorm: {0}", "form: {0}"},
    {"map.tip.domain", "domein: {0}", "domain: {0}"},
    {"map.tip.region_of", "regio van: {0}", "region of: {0}"},
    {"map.tip.members", "deelnemers: {0}", "members: {0}"},
    {"map.tip.role", "rol van {0}: {1}", "role of {0}: {1}"},
    {"map.network.default_title", "Samenwerkingsnetwerk: gedeelde verbanden", "Cooperation network: shared arrangements"},
    {"map.network.no_ties", "Geen twee gemeenten delen {0} of meer verbanden.", "No two municipalities share {0} or more arrangements."},
    {"map.network.force", "Posities: krachtenmodel (de gegevens hebben geen co\xc3\xb6rdinaten); dicht bij elkaar betekent nauw verbonden.",
                          "Positions: force layout (the dataset has no coordinates); near means closely tied."},
    {"map.ego.default_title", "{0}: samenwerkingsverbanden en partners", "{0}: joint arrangements and partners"},
    {"map.ego.tip", "{0} ({1})\nsamenwerkingsverbanden: {2}\nregio's van regio-indelingen: {3}\npartners: {4}",
                    "{0} ({1})\njoint arrangements: {2}\nregions of divisions: {3}\npartners: {4}"},
    {"map.ego.membership", "{0} in {1}: {2}", "{0} in {1}: {2}"},
    {"map.ego.and_more", " en nog {0}", " and {0} more"},
    {"map.ego.others_tip", "Andere deelnemers van {0}: {1}", "Other members of {0}: {1}"},
    {"map.ego.roles", "Dikke oranje pijl: gastheer (levert de dienst); blauwe stippelpijl: afnemer (neemt de dienst af); gewone lijn: deelnemer.",
                      "Thick orange arrow: host (provides the service); dashed blue arrow: client (buys it); plain line: member."},
    {"map.ego.at_least", ", met minstens {0} gedeelde verbanden", ", sharing at least {0}"},
    {"map.ego.fewer", "; {0} met minder gedeelde verbanden weggelaten", "; {0} sharing fewer left out"},
    {"map.ego.summarised", "Los getekend: de {0} die de meeste verbanden delen (twee of meer); de andere {1} staan in grijze vakken naast hun verband. Alle partners: regionet show municipality {2}; minder: --min-weight 2.",
                           "Drawn one by one: the {0} sharing the most (two or more); the other {1} are named in grey boxes beside their arrangements. Every partner: regionet show municipality {2}; fewer: --min-weight 2."},
    {"map.overlap.default_title", "Overlappende verbanden", "Overlapping arrangements"},
    {"map.overlap.tip", "{0} / {1}: {2} gedeelde deelnemers, Jaccard {3}, overlapco\xc3\xab" "ffici\xc3\xab" "nt {4}",
                        "{0} / {1}: {2} shared members, Jaccard {3}, overlap coefficient {4}"},
    {"map.overlap.inside", "{0} valt binnen {1}", "{0} lies inside {1}"},
    {"map.overlap.same", "zelfde deelnemers", "same members"},
    {"map.overlap.same_tip", "precies dezelfde deelnemers", "the same member set"},
    {"map.overlap.candidate_tip", "kandidaat-dubbeling (zelfde domein)", "redundancy candidate (same domain)"},
    {"map.overlap.note", "Paren met Jaccard \xe2\x89\xa5 {0}; de lijndikte groeit met de Jaccard-index. {1}, {2} (oranje: zelfde domein, Jaccard \xe2\x89\xa5 {3}), {4} genest (stippelpijl naar het grotere verband), {5} met dezelfde deelnemers (dubbele lijn).",
                         "Pairs with Jaccard >= {0}: line width grows with the Jaccard index. {1}, {2} (orange: same domain, Jaccard >= {3}), {4} nested (dashed arrow into the larger), {5} with the same members (double line)."},
    {"map.overlap.none", "Geen paar verbanden overlapt zo sterk.", "No pair of arrangements overlaps this much."},
    {"map.division.default_title", "De regio's van {0} en de banden ertussen", "Regions of {0} and the ties across them"},
    {"map.division.crossing", "band over een regiogrens", "tie crossing a region border"},
    {"map.division.crosses", "over de grens {0} / {1}", "crosses {0} / {1}"},
    {"map.division.note", "{0} van de {1} verbanden gaan over de grenzen van de regio's van {2}; {3} van de {4} getekende banden gaan over een grens.",
                          "{0} of {1} arrangements cross the borders of {2} regions; {3} of {4} ties drawn cross a border."},
    {"map.aggregate.provinces", "Samenwerking tussen provincies", "Cooperation between provinces"},
    {"map.aggregate.regions", "Samenwerking tussen de regio's van {0}", "Cooperation between the regions of {0}"},
    {"map.aggregate.size", "Cirkeloppervlak: {0}; het getal erin: aantal gemeenten.", "Circle area: {0}; the number inside: municipalities."},
    {"map.aggregate.lines", "Lijndikte: verbanden of regio's met deelnemers aan beide kanten (hoogstens {0}); {1}{2}.",
                            "Line width: arrangements or regions with members on both sides (at most {0}); {1}{2}."},
    {"map.aggregate.at_least", " met minstens {0} gedeeld", " sharing at least {0}"},
    {"map.aggregate.mean_position", "Elke cirkel staat op de gemiddelde plaats van zijn gemeenten.", "Each circle sits at the mean position of its municipalities."},
    {"map.caption.dataset", "Gegevens {0}", "Dataset {0}"},
    {"map.caption.all", "alle verbanden", "all arrangements"},
    {"map.caption.drawn", "Getekend {0}", "Drawn {0}"},
    {"map.caption.min_weight", "banden met minstens {0} gedeelde verbanden", "ties sharing at least {0}"},
    {"map.caption.strongest", "de sterkste {0} van {1} overlappende paren", "the strongest {0} of {1} overlapping pairs"},
    {"map.caption.ties_ordinary", "banden uit verbanden die geen regio van een regio-indeling zijn", "ties from arrangements other than regions of divisions"},
    {"map.caption.ties_other_divisions", "banden uit de regio's van de andere regio-indelingen", "ties from the regions of the other divisions"},
    {"map.caption.links_regions", "verbindingen: regio's van regio-indelingen met deelnemers aan beide kanten", "links: regions of divisions with members on both sides"},
    {"map.caption.links_ordinary", "verbindingen: verbanden (geen regio's) met deelnemers aan beide kanten", "links: arrangements other than regions with members on both sides"},
    {"map.filter.domain", "domein {0}", "domain {0}"},
    {"map.filter.ordinary", "zonder regio's van regio-indelingen", "without regions of divisions"},
    {"map.filter.active_in", "van kracht in {0}", "in force in {0}"},
    {"map.filter.larger_than", "zonder verbanden van meer dan {0} gemeenten", "without arrangements of more than {0} municipalities"},
    {"map.report.explorer", "Klik zelf door het netwerk in de verkenner: {0} (een losse pagina naast dit rapport, werkt zonder internet; opnieuw te maken met regionet explore).",
                            "Click through the network yourself in the explorer: {0} (a separate page beside this report, works without internet; made again with regionet explore)."},
    // origin of arrangements (issue 17, render/report/methods.cpp)
    {"origin.intro", "Herkomst van de samenwerkingsverbanden in dit rapport: uit de inventarisatie van de regio (door de gemeenten zelf ingevuld) {0}, uit het register en de andere bronnen hierboven {1}. De verbanden uit de inventarisatie staan in de tabel.",
                     "Origin of the arrangements in this report: from the region's inventory (filled in by the municipalities themselves) {0}, from the register and the other sources above {1}. The table lists those from the inventory."},
    {"origin.caption", "Verbanden uit de inventarisatie van de regio", "Arrangements from the region's inventory"},
    // services map (issue 18, render/map_services.cpp)
    {"map.services.title", "Wie levert aan wie: dienstverlening", "Who serves whom: service relations"},
    {"map.services.legend", "Gemeente:", "Municipality:"},
    {"map.services.provider", "levert meer dan zij ontvangt", "provides more than it receives"},
    {"map.services.receiver", "ontvangt meer dan zij levert", "receives more than it provides"},
    {"map.services.balanced", "in evenwicht", "balanced"},
    {"map.services.reciprocal", "leveren aan elkaar (wederkerig)", "serve each other (reciprocal)"},
    {"map.services.arrows", "Pijl: van leverancier naar afnemer; dikte: aantal verbanden (1 tot {0}). {1} gerichte paren, {2} wederkerig.",
                            "Arrow: provider -> client; width: arrangements (1 to {0}). {1} directed pairs, {2} reciprocal."},
    {"map.services.area", "Cirkeloppervlak: geleverde plus ontvangen diensten.", "Circle area: services provided + received."},
    {"map.services.none", "Geen dienstverlening in deze gegevens (geen gastgemeenten, afnemers of bronhouders van centrumregelingen).",
                          "No service relations (host roles, hosts or registrars of centrum arrangements) in these data."},
    {"map.services.force", "Posities: krachtenmodel (geen co\xc3\xb6rdinaten).", "Positions: force layout (no coordinates)."},
    {"map.services.node_tip", "{0} ({1})\nlevert: {2} aan {3} gemeenten\nontvangt: {4} van {5}\nsaldo: {6}",
                              "{0} ({1})\nprovides: {2} to {3} municipalities\nreceives: {4} from {5}\nbalance: {6}"},
    {"map.services.edge_tip", "{0} levert aan {1} in {2}:", "{0} serves {1} in {2}:"},
    // end of map views (issue 14)
    // render/report_history.cpp
    {"history.title", "Wat is er veranderd", "What has changed"},
    {"history.undated", "De gegevens hebben geen begin- en einddata van verbanden en deelnames; veranderingen door de jaren heen zijn daarom niet te zien.",
                        "The data carry no start and end dates of arrangements and memberships, so changes over the years cannot be shown."},
    {"history.intro", "Van {0} tot en met {1} begonnen {2} verbanden en eindigden er {3} (een verband dat in een nieuwe versie doorgaat, telt als \xc3\xa9\xc3\xa9n verband). Het register geeft per gemeente de datum van toetreden en de versies laten zien wanneer een gemeente er niet meer in staat.",
                      "From {0} to {1}, {2} arrangements started and {3} ended (an arrangement continued in a new version counts as one). The register gives each municipality's joining date, and its versions show when a municipality is no longer in it."},
    {"history.chart.title", "Verbanden begonnen en ge\xc3\xabindigd per jaar", "Arrangements started and ended per year"},
    {"history.chart.axis", "aantal verbanden; einde = laatste jaar van kracht", "number of arrangements; end = last year in force"},
    {"history.chart.alt", "Kolomdiagram van de verbanden die per jaar begonnen en eindigden, {0} tot en met {1}; de meeste begonnen in {2} ({3}).",
                          "Column chart of the arrangements started and ended per year, {0} to {1}; most started in {2} ({3})."},
    {"history.started", "Begonnen", "Started"},
    {"history.ended", "Ge\xc3\xabindigd", "Ended"},
    {"history.table.caption", "Verbanden en deelnames per jaar", "Arrangements and memberships per year"},
    {"history.col.year", "Jaar", "Year"},
    {"history.col.active", "Van kracht", "In force"},
    {"history.col.joined", "Toegetreden", "Joined"},
    {"history.col.left", "Uitgetreden", "Left"},
    {"history.col.municipality", "Gemeente", "Municipality"},
    {"history.moves.title", "Wie trad het vaakst toe of uit", "Who joined or left most"},
    {"history.moves.intro", "Toegetreden telt elke deelname die in {0}\xe2\x80\x93{1} begon (ook als oprichter); uitgetreden telt elke deelname die eindigde terwijl het verband doorging.",
                            "Joined counts every membership that began in {0}\xe2\x80\x93{1} (founders included); left counts every membership that ended while the arrangement went on."},
    {"history.joined.caption", "Gemeenten die het vaakst toetraden", "Municipalities that joined most"},
    {"history.left.caption", "Gemeenten die het vaakst uittraden", "Municipalities that left most"},
    {"history.rejoin.title", "Uitgestapt en later weer ingestapt", "Left and later joined again"},
    {"history.rejoin.none", "Geen gemeente stapte uit een verband en later weer in hetzelfde verband of in een verband op hetzelfde terrein.",
                            "No municipality left an arrangement and later rejoined it or joined one in the same field."},
    {"history.rejoin.intro", "{0} keer stapte een gemeente uit een verband en later weer in hetzelfde verband of in een ander verband op hetzelfde beleidsterrein: de knipperlichtrelatie uit de praktijkregels, nu met de data uit het register.",
                             "{0} times a municipality left an arrangement and later rejoined it or joined another in the same policy field: the on-off relationship of the practice rules, now from the register's dates."},
    {"history.rejoin.caption", "Uitgestapt en later weer ingestapt op hetzelfde terrein", "Left and later joined again in the same field"},
    {"history.col.left_arr", "Uitgestapt uit", "Left"},
    {"history.col.left_year", "Laatste jaar", "Last year"},
    {"history.col.joined_arr", "Later in", "Later joined"},
    {"history.col.joined_year", "Vanaf", "From"},
    {"history.note", "Jaren zijn jaren van kracht: een versie die op 1 januari 2024 vervalt, was voor het laatst van kracht in 2023. Opgeheven gemeenten tellen mee bij hun opvolger.",
                     "Years are years in force: a version that lapses on 1 January 2024 was last in force in 2023. Dissolved municipalities count with their successor."},
    // ---- issue 18: kind of task, motive, who serves whom (render/report_services.cpp) ----
    {"svc.title", "Taken, motieven en dienstverlening", "Tasks, motives and services"},
    {"svc.kind.title", "Soort taak en motief", "Kind of task and motive"},
    {"svc.kind.none", "Er zijn geen samenwerkingsverbanden om in te delen.", "There are no arrangements to classify."},
    {"svc.kind.intro", "De {0} samenwerkingsverbanden (regio's van indelingen niet meegeteld) zijn ingedeeld naar soort taak (beleid, uitvoering, bedrijfsvoering) en hoofdmotief, met de regels van data/classification.toml. Waar geen regel past, staat \"onbekend\".", "The {0} arrangements (regions of divisions not counted) are classified by kind of task (policy, delivery, support services) and main motive, with the rules of data/classification.toml. Where no rule fits, they are \"unknown\"."},
    {"svc.kind.caption", "Aandeel samenwerkingsverbanden per soort taak en hoofdmotief", "Share of arrangements per kind of task and main motive"},
    {"svc.kind.note", "Soort taak en motief volgen uit vorm, domein, wettelijke grondslag, naam en doelomschrijving; per regeling staat in regionet classify welk gegeven de doorslag gaf. Het motief is een lezing van de gegevens, geen uitspraak van de deelnemers.", "Kind of task and motive follow from form, domain, legal basis, name and purpose text; regionet classify shows per arrangement which field decided. The motive is a reading of the data, not a statement by the participants."},
    {"svc.small", "Kleine gemeenten (minder dan {1} inwoners, waar bekend) die samenwerken om minder kwetsbaar te zijn: {0}.", "Small municipalities (under {1} inhabitants, where known) cooperating to be less vulnerable: {0}."},
    {"svc.small.unknown", "De gegevens bevatten geen inwonertallen, dus welke kleine gemeenten samenwerken om minder kwetsbaar te zijn, is hier niet te zeggen.",
                          "The data hold no population figures, so which small municipalities cooperate to be less vulnerable cannot be said here."},
    {"svc.dim.kind", "Soort taak", "Kind of task"},
    {"svc.dim.motive", "Hoofdmotief", "Main motive"},
    {"svc.kind.beleid", "beleid", "policy"},
    {"svc.kind.uitvoering", "uitvoering", "delivery"},
    {"svc.kind.bedrijfsvoering", "bedrijfsvoering", "support services"},
    {"svc.kind.onbekend", "onbekend", "unknown"},
    {"svc.motive.kwetsbaarheid", "kwetsbaarheid", "vulnerability"},
    {"svc.motive.kwaliteit", "kwaliteit", "quality"},
    {"svc.motive.kosten", "kosten", "cost"},
    {"svc.motive.kennisdeling", "kennisdeling", "shared knowledge"},
    {"svc.motive.bestuurskracht", "bestuurskracht", "administrative strength"},
    {"svc.motive.onbekend", "onbekend", "unknown"},
    {"svc.col.dimension", "Indeling", "Dimension"},
    {"svc.col.value", "Waarde", "Value"},
    {"svc.col.arrangements", "Regelingen", "Arrangements"},
    {"svc.col.share", "Aandeel", "Share"},
    {"svc.col.municipality", "Gemeente", "Municipality"},
    {"svc.col.provided", "Levert", "Provides"},
    {"svc.col.received", "Ontvangt", "Receives"},
    {"svc.col.balance", "Saldo", "Balance"},
    {"svc.col.serves", "Levert aan (gemeenten)", "Serves (municipalities)"},
    {"svc.col.served_by", "Ontvangt van (gemeenten)", "Served by (municipalities)"},
    {"svc.who.title", "Wie levert aan wie", "Who serves whom"},
    {"svc.who.none", "De gegevens noemen geen gastgemeenten, afnemers of bronhouders van centrumregelingen: over dienstverlening tussen gemeenten is niets te zeggen.", "The data name no host municipalities, clients or registrars of centrum arrangements: nothing can be said about services between municipalities."},
    {"svc.who.intro", "In {0} regelingen levert een gemeente diensten aan andere (gastgemeente, centrumgemeente of bronhouder van een centrumregeling). Zo ontstaan {1} paren van gemeenten met dienstverlening; in {2} daarvan leveren beide aan elkaar (wederkerig).", "In {0} arrangements a municipality provides services to others (host, centre municipality or registrar of a centrum arrangement). This gives {1} pairs of municipalities with services; in {2} of them both serve each other (reciprocal)."},
    {"svc.who.providing", "Gemeenten die de meeste diensten aan andere leveren (regeling x afnemer)", "Municipalities providing most services to others (arrangement x client)"},
    {"svc.who.receiving", "Gemeenten die het meest op andere leunen (regeling x leverancier)", "Municipalities relying most on others (arrangement x provider)"},
    {"svc.who.note", "Wederkerigheid van diensten is een teken van evenwicht; waar de behoefte eenzijdig is, adviseert de praktijk de dienst in te kopen in plaats van samen een regeling te vormen (den Hollander, 2018).", "Reciprocity of services is a sign of balance; where the need is one-sided, practice advises buying the service rather than forming a joint arrangement (den Hollander, 2018)."},
    {"svc.map.caption", "Dienstverlening tussen gemeenten: pijl van leverancier naar afnemer, dikte naar aantal regelingen; oranje: wederkerig.", "Services between municipalities: arrow from provider to client, width by number of arrangements; orange: reciprocal."},
    {"svc.map.alt", "Kaart met pijlen van gemeenten die diensten leveren naar gemeenten die ze afnemen.", "Map with arrows from municipalities providing services to those receiving them."},
    // Screening findings (analysis/screen.hpp, services.hpp): typed there, worded here (render/result_texts.cpp).
    {"fnd.fusion_partners.detail", "{0} is een ambtelijke fusie van {1} partners: {2}.", "{0} is an ambtelijke fusie of {1} partners: {2}."},
    {"fnd.fusion_partners.question", "Deze ambtelijke fusie telt {0} partners. Hoe voorkomt het bestuur de risico's die de praktijk bij meer dan drie partners ziet, en zou functionele integratie beter passen?",
                                     "This ambtelijke fusie has {0} partners. How does the board avoid the risks practice has seen with more than three partners, and would functional integration fit better?"},
    {"fnd.fusion_partners.practice", "Meer dan drie partners in een volledige ambtelijke fusie is een serieus risico; een geslaagd voorbeeld met vier of vijf partners was niet bekend.",
                                     "More than three partners in a full ambtelijke fusie is a serious risk; no successful case with four or five was known."},
    {"fnd.dominant_partner.detail", "{0}: {1} heeft {2} inwoners, {3} keer zoveel als de op één na grootste partner {4} ({5}).",
                                    "{0}: {1} has {2} inhabitants, {3} times the next largest partner {4} ({5})."},
    {"fnd.dominant_partner.question", "Hoe blijft de invloed van de kleinere partners naast {0} geborgd, en accepteren zij bewust de rol van kleine partner?",
                                      "How is the influence of the smaller partners beside {0} safeguarded, and do they knowingly accept being the small partner?"},
    {"fnd.dominant_partner.practice", "Eén partner die veel groter is dan de andere (inwoners, personeel) gaat vaak domineren; een gastheerconstructie kan werken als de kleine partner accepteert klein te zijn.",
                                      "One partner much larger than the others (population, staff) tends to dominate; a host construction can work when the small partner accepts being small."},
    {"fnd.other_province.question", "Wat betekent de provinciegrens voor {0}: voor toezicht, voor de regionale indelingen waarin de partners zitten en voor de dagelijkse samenwerking?",
                                    "What does the provincial border mean for {0}: for supervision, for the regional divisions the partners sit in, and for daily work?"},
    {"fnd.other_province.practice", "Partners zijn bijna altijd buren; een partner in een andere provincie is \"niet handig\" (Heumen in Gelderland en Mook en Middelaar in Limburg).",
                                    "Partners are nearly always neighbours; a partner in another province is \"not handy\" (Heumen in Gelderland and Mook en Middelaar in Limburg)."},
    {"fnd.not_neighbours.by_distance", "(hemelsbreed meer dan {0} km)", "(more than {0} km apart)"},
    {"fnd.not_neighbours.by_border", "(geen gemeenschappelijke grens)", "(no shared border)"},
    {"fnd.not_neighbours.question", "Wat maakt {0} over afstand werkbaar, en zijn er buurgemeenten die meer voor de hand liggen?",
                                    "What makes {0} workable at a distance, and are there neighbouring municipalities that would be more obvious partners?"},
    {"fnd.not_neighbours.practice", "Partners zijn bijna altijd buren.", "Partners are nearly always neighbours."},
    {"fnd.knipperlicht.rejoined", "{0} stopte in {1} met {2} ({3}) en deed vanaf {4} weer mee.", "{0} left {2} ({3}) in {1} and rejoined it in {4}."},
    {"fnd.knipperlicht.moved", "{0} stopte in {1} met {2} ({3}) en begon in {4} aan {5}{6}.", "{0} left {2} ({3}) in {1} and joined {5} in {4}{6}."},
    {"fnd.knipperlicht.again", ", opnieuw met {0}", ", again with {0}"},
    {"fnd.knipperlicht.question", "Is de keuze van {0} voor {1} nu vast genoeg, en wat is er veranderd sinds het eerdere vertrek?",
                                  "Is {0}'s commitment to {1} firm enough now, and what has changed since it left before?"},
    {"fnd.knipperlicht.practice", "Een partner die blijft twijfelen (knipperlichtrelatie: doet mee, stapt uit, doet weer mee) kan beter buiten de samenwerking blijven.",
                                  "A partner that keeps hesitating (knipperlichtrelatie: joins, leaves, rejoins) should be left out."},
    {"fnd.one_way_services.question", "Is de regio afhankelijk van één gastgemeente? Kunnen de afnemers de diensten niet beter inkopen bij {0} (een opdrachtgever-opdrachtnemerrelatie) dan er samen een regeling voor te hebben, en hoe houden zij invloed op kwaliteit en prijs?",
                                      "Does the region depend on one host? Would the clients do better to buy the services from {0} (a client-provider relation) than to run a joint arrangement, and how do they keep a say in quality and price?"},
    {"fnd.one_way_services.practice", "Als de ene gemeente de andere nodig heeft maar niet omgekeerd, koop de dienst dan in in plaats van 'samen' te doen; wederkerigheid van diensten is een teken van evenwicht.",
                                      "When one municipality needs another but not the other way round, buy the service instead of doing it 'together'; reciprocity of services is a sign of balance."},
    {"fnd.tax_cooperation.detail", "{0} ({1} inwoners) neemt in deze gegevens aan geen belastingsamenwerking deel.", "{0} ({1} inhabitants) takes part in no tax cooperation in these data."},
    {"fnd.tax_cooperation.question", "Zou samenwerken bij de belastingen (heffing en invordering, WOZ) {0} minder kwetsbaar of goedkoper maken?",
                                     "Would cooperating on taxes (levying and collection, WOZ) make {0} less vulnerable or cheaper?"},
    {"fnd.tax_cooperation.practice", "Samenwerken bij de belastingen is aantrekkelijk voor gemeenten met 30.000 inwoners of minder.", "Tax cooperation is attractive for municipalities of 30,000 inhabitants or fewer."},
    // The publications the lessons come from (the report cites them, never an internal file): titles as published
    // (Dutch), the words around them in the report's language.
    {"fnd.source.korsten", "A.F.A. Korsten (ca. 2016), essay over \"Samen en Toch Apart\" (SETA): evaluaties van ambtelijke fusies 2005-2017",
                           "A.F.A. Korsten (c. 2016), essay on \"Samen en Toch Apart\" (SETA): evaluations of ambtelijke fusies 2005-2017"},
    {"fnd.source.services", "J. den Hollander, zeven gouden regels voor gemeentelijke samenwerking (Van de Bunt Adviseurs / KNAP Academie, januari 2018); 'Hoe krijg ik regie op gemeentelijke samenwerking in de regio?' (netwerkregie)",
                            "J. den Hollander, zeven gouden regels voor gemeentelijke samenwerking (Van de Bunt Adviseurs / KNAP Academie, januari 2018); 'Hoe krijg ik regie op gemeentelijke samenwerking in de regio?' (netwerkregie)"},
    {"fnd.source.tax", "A.F.A. Korsten, essay over Samen en Toch Apart en de evaluaties van ambtelijke fusies 2005-2017 (ca. 2016)",
                       "A.F.A. Korsten, essay on Samen en Toch Apart and the evaluations of ambtelijke fusies 2005-2017 (c. 2016)"},
    // Rules the data could not feed (analysis::ScreenNote).
    {"fnd.note.no_scope", "dominant_partner, other_province, not_neighbours: geen gewone regeling met 2 tot {0} deelnemers",
                          "dominant_partner, other_province, not_neighbours: no ordinary arrangement with 2 to {0} members"},
    {"fnd.note.no_population", "dominant_partner: {0} van {1} regelingen niet gescreend (inwonertal van een deelnemer onbekend)",
                               "dominant_partner: {0} of {1} arrangements not screened (population unknown for a member)"},
    {"fnd.note.no_place", "not_neighbours: {0} van {1} regelingen niet gescreend (geen burentabel en geen coördinaten)",
                          "not_neighbours: {0} of {1} arrangements not screened (no neighbour table and no coordinates)"},
    {"fnd.note.no_years", "knipperlicht: geen eindjaren in de gegevens, de regel kan niets laten zien", "knipperlicht: no end years in the dataset, rule cannot show anything"},
    // A municipality's ambtelijke fusies (analysis::FusieFact, `regionet show`).
    {"fus.stopped", "stopte in {1} met de fusie met {0}", "stopped the fusie with {0} in {1}"},
    {"fus.stopped.alone", "stopte in {1} met de fusie {0}", "stopped the fusie {0} in {1}"},
    {"fus.paused", "gesprekken over een fusie met {0} gepauzeerd in {1}", "talks on a fusie with {0} paused in {1}"},
    {"fus.paused.alone", "gesprekken over de fusie {0} gepauzeerd in {1}", "talks on a fusie {0} paused in {1}"},
    {"fus.hosts", "is gastheer van het ambtelijk apparaat van {0} ({1}) sinds {2}", "hosts the civil service of {0} ({1}) since {2}"},
    {"fus.hosted", "ambtelijk apparaat ondergebracht bij {0} ({1}) sinds {2}", "civil service hosted by {0} ({1}) since {2}"},
    {"fus.running", "ambtelijke fusie {0} sinds {1} (met {2})", "ambtelijke fusie {0} since {1} (with {2})"},
    {"fus.running.alone", "ambtelijke fusie {0} sinds {1}", "ambtelijke fusie {0} since {1}"},
    {"fus.temporary", ", tijdelijk", ", temporary"},
    // How betweenness was computed (analysis::CentralityResult::Method).
    {"bet.exact", "exact", "exact"},
    {"bet.skipped", "overgeslagen", "skipped"},
    {"bet.sample", "steekproef van {0} van {1} bronnen", "sample {0} of {1} sources"},
    {"bet.cutoff", "afkapgrens {0}", "cutoff {0}"},
    // Why a partner candidate scores (analysis::PartnerReason).
    {"fnd.reason.same_regions", "zelfde regio in {0}/{1} indelingen", "same region in {0}/{1} divisions"},
    {"fnd.reason.neighbour", "buurgemeente", "neighbour"},
    {"fnd.reason.distance", "{0} km afstand", "{0} km away"},
    {"fnd.reason.size_ratio", "grootteverhouding {0}", "size ratio {0}"},
    {"fnd.reason.same_province", "zelfde provincie ({0})", "same province ({0})"},
};

// Texts with a singular and a plural form (one: count == 1, in both languages).
struct PluralEntry {
    const char* key;
    const char* nl_one;
    const char* nl_other;
    const char* en_one;
    const char* en_other;
};

const PluralEntry k_plurals[] = {
    // Screening findings and partner reasons (render/result_texts.cpp); the count is the number of municipalities named.
    {"fnd.other_province.detail", "{0}: {1} ({2}) ligt in een andere provincie dan de andere partners ({3}).",
                                  "{0}: {1} ({2}) liggen in een andere provincie dan de andere partners ({3}).",
                                  "{0}: {1} ({2}) lies in another province than the other partners ({3}).",
                                  "{0}: {1} ({2}) lie in another province than the other partners ({3})."},
    {"fnd.not_neighbours.detail", "De partners in {0} vormen {1} geografisch losse groepen {2}; {3} grenst niet aan de andere partners.",
                                  "De partners in {0} vormen {1} geografisch losse groepen {2}; {3} grenzen niet aan de andere partners.",
                                  "The partners in {0} form {1} separate groups {2}; {3} does not border the other partners.",
                                  "The partners in {0} form {1} separate groups {2}; {3} do not border the other partners."},
    // the count is the number of clients
    {"fnd.one_way_services.detail", "In {0} levert {1} in alle {2} regelingen met dienstverlening de diensten aan {3} andere gemeente; geen gemeente levert iets aan {1}.",
                                    "In {0} levert {1} in alle {2} regelingen met dienstverlening de diensten aan {3} andere gemeenten; geen gemeente levert iets aan {1}.",
                                    "In {0}, {1} provides the services in all {2} service arrangements, to {3} other municipality; no municipality provides anything to {1}.",
                                    "In {0}, {1} provides the services in all {2} service arrangements, to {3} other municipalities; no municipality provides anything to {1}."},
    // a group of service relations in a dataset without divisions; the count is the other municipalities
    {"fnd.one_way_services.group", "de groep van {0} en {1} andere gemeente", "de groep van {0} en {1} andere gemeenten",
                                   "the group of {0} and {1} other municipality", "the group of {0} and {1} other municipalities"},
    {"fnd.reason.shared", "{0} gedeelde samenwerking", "{0} gedeelde samenwerkingen", "{0} shared arrangement", "{0} shared arrangements"},
    // map views (issue 14)
    {"map.n.members", "{0} deelnemer", "{0} deelnemers", "{0} member", "{0} members"},
    {"map.n.joint", "{0} samenwerkingsverband", "{0} samenwerkingsverbanden", "{0} joint arrangement", "{0} joint arrangements"},
    {"map.n.arrangements", "{0} verband", "{0} verbanden", "{0} arrangement", "{0} arrangements"},
    // a municipality's profile (prof.facts)
    {"prof.n.joint", "{0} samenwerkingsverband", "{0} samenwerkingsverbanden", "{0} cooperation arrangement", "{0} cooperation arrangements"},
    {"prof.n.regions", "{0} regio", "{0} regio's", "{0} region", "{0} regions"},
    {"prof.n.seats", "{0} bestuurszetel", "{0} bestuurszetels", "{0} board seat", "{0} board seats"},
    // the report's list of sources; the count is the arrangements from that source
    {"meth.source", "{0}, peildatum {1}: {2} verband.", "{0}, peildatum {1}: {2} verbanden.",
                    "{0}, reference date {1}: {2} arrangement.", "{0}, reference date {1}: {2} arrangements."},
    {"map.n.candidates", "{0} kandidaat-dubbeling", "{0} kandidaat-dubbelingen", "{0} redundancy candidate", "{0} redundancy candidates"},
    {"map.n.links", "{0} verbinding", "{0} verbindingen", "{0} link", "{0} links"},
    {"map.tie.tip", "{0} - {1}: {2} gedeeld verband", "{0} - {1}: {2} gedeelde verbanden", "{0} - {1}: {2} shared arrangement", "{0} - {1}: {2} shared arrangements"},
    {"map.ego.partner_tip", "{0} ({1})\ndeelt {2} verband met {3}", "{0} ({1})\ndeelt {2} verbanden met {3}",
                            "{0} ({1})\nshares {2} arrangement with {3}", "{0} ({1})\nshares {2} arrangements with {3}"},
    {"map.ego.others", "+ {0} andere deelnemer:", "+ {0} andere deelnemers:", "+ {0} other member:", "+ {0} other members:"},
    {"map.ego.partners", "{0} partner in {1} (grootste eerst)", "{0} partners in {1} (grootste eerst)",
                         "{0} partner in {1} (heaviest first)", "{0} partners in {1} (heaviest first)"},
    {"map.ego.regions", "Ligt in {0} regio van offici\xc3\xable regio-indelingen (niet getekend: een regio is geen keuze om samen te werken): {1}",
                        "Ligt in {0} regio's van offici\xc3\xable regio-indelingen (niet getekend: een regio is geen keuze om samen te werken): {1}",
                        "Lies in {0} region of official divisions (not drawn: a region is not a choice to cooperate): {1}",
                        "Lies in {0} regions of official divisions (not drawn: a region is not a choice to cooperate): {1}"},
    {"map.division.region_tip", "{0} ({1}): {2} gemeente", "{0} ({1}): {2} gemeenten", "{0} ({1}): {2} municipality", "{0} ({1}): {2} municipalities"},
    {"map.aggregate.tie_tip", "{0} - {1}: {2} verband met deelnemers in beide", "{0} - {1}: {2} verbanden met deelnemers in beide",
                              "{0} - {1}: {2} arrangement with members in both", "{0} - {1}: {2} arrangements with members in both"},
    // end of map views (issue 14)
    {"n.pairs", "{0} paar", "{0} paren", "{0} pair", "{0} pairs"},
    // counts in the report's sentences, each with the verb that agrees with it
    {"find.candidates", "{0} paar van verbanden in hetzelfde domein heeft (bijna) dezelfde deelnemers en is kandidaat voor samenvoegen",
                        "{0} paren van verbanden in hetzelfde domein hebben (bijna) dezelfde deelnemers en zijn kandidaat voor samenvoegen",
                        "{0} pair of arrangements in the same domain has (nearly) the same members and is a candidate for merging",
                        "{0} pairs of arrangements in the same domain have (nearly) the same members and are candidates for merging"},
    {"find.nested", "in {0} paar valt het ene verband helemaal binnen het andere", "in {0} paren valt het ene verband helemaal binnen het andere",
                    "in {0} pair one arrangement lies entirely inside the other", "in {0} pairs one arrangement lies entirely inside the other"},
    {"red.shared", "{0} paar van verbanden deelt een of meer deelnemers", "{0} paren van verbanden delen een of meer deelnemers",
                   "{0} pair of arrangements shares one or more members", "{0} pairs of arrangements share one or more members"},
    {"red.of_them", "{0} daarvan is een kandidaat-dubbeling", "{0} daarvan zijn kandidaat-dubbelingen",
                    "{0} of them is a redundancy candidate", "{0} of them are redundancy candidates"},
    {"red.two_member", "{0} paar bestaat uit twee verbanden van elk twee gemeenten (dat leest anders: twee gemeenten die meer dan eens samenwerken)",
                       "{0} paren bestaan uit twee verbanden van elk twee gemeenten (die lezen anders: twee gemeenten die meer dan eens samenwerken)",
                       "{0} pair consists of two arrangements of two municipalities each (which reads differently: two municipalities that cooperate more than once)",
                       "{0} pairs consist of two arrangements of two municipalities each (which read differently: two municipalities that cooperate more than once)"},
};

const Entry k_forms[] = {
    {"gr_openbaar_lichaam", "GR openbaar lichaam", "Joint arrangement (public body)"},
    {"gr_gemeenschappelijk_orgaan", "GR gemeenschappelijk orgaan", "Joint arrangement (joint organ)"},
    {"gr_bedrijfsvoeringsorganisatie", "GR bedrijfsvoeringsorganisatie", "Joint arrangement (operations organisation)"},
    {"gr_centrumgemeente", "GR centrumgemeente", "Joint arrangement (central municipality)"},
    {"centrumgemeente", "Centrumgemeente", "Central municipality"},
    {"gr_regeling_zonder_meer", "GR regeling zonder meer", "Joint arrangement (agreement only)"},
    {"gemeenschappelijke_regeling", "Gemeenschappelijke regeling", "Joint arrangement (Wgr)"},
    {"regional_division", "Regio-indeling", "Regional division"},
    {"ambtelijke_fusie", "Ambtelijke fusie", "Civil-service merger"},
    {"gastheer", "Gastheergemeente", "Host municipality"},
    {"ssc", "Shared service center (SSC)", "Shared service centre"},
    {"stichting", "Stichting", "Foundation"},
    {"vereniging", "Vereniging", "Association"},
    {"bv", "Overheids-BV", "Public company (BV)"},
    {"nv", "Overheids-NV", "Public company (NV)"},
    {"convenant", "Convenant", "Covenant"},
    {"werkgroep", "Werkgroep", "Working group"},
    {"portefeuillehoudersoverleg", "Portefeuillehoudersoverleg", "Portfolio holders' meeting"},
};

const Entry k_roles[] = {
    {"member", "deelnemer", "member"},
    {"host", "gastheer", "host"},
    {"client", "afnemer", "client"},
};
// clang-format on

const std::map<std::string_view, const Entry*>& index() {
    static const std::map<std::string_view, const Entry*> idx = [] {
        std::map<std::string_view, const Entry*> m;
        for (const auto& e : k_texts) m[e.key] = &e;
        return m;
    }();
    return idx;
}

std::string lookup(const Entry* begin, const Entry* end, Lang lang, std::string_view key) {
    for (auto* e = begin; e != end; ++e)
        if (key == e->key) return lang == Lang::nl ? e->nl : e->en;
    return std::string(key);
}

std::string group(std::string digits, char sep) {
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count > 0 && count % 3 == 0) out += sep;
        out += *it;
        ++count;
    }
    return {out.rbegin(), out.rend()};
}

}  // namespace

const std::string& tr(Lang lang, std::string_view key) {
    static const std::map<std::pair<std::string_view, Lang>, std::string> cache = [] {
        std::map<std::pair<std::string_view, Lang>, std::string> m;
        for (const auto& e : k_texts) {
            m[{e.key, Lang::nl}] = e.nl;
            m[{e.key, Lang::en}] = e.en;
        }
        for (const auto& e : k_plurals) {
            m[{e.key, Lang::nl}] = e.nl_other;
            m[{e.key, Lang::en}] = e.en_other;
        }
        return m;
    }();
    auto it = cache.find({key, lang});
    if (it == cache.end()) throw Error("report text '" + std::string(key) + "' is missing");
    return it->second;
}

std::vector<std::string> text_keys() {
    std::vector<std::string> keys;
    for (const auto& [k, e] : index()) keys.emplace_back(k);
    for (const auto& e : k_plurals) keys.emplace_back(e.key);
    return keys;
}

std::vector<std::string> plural_keys() {
    std::vector<std::string> keys;
    for (const auto& e : k_plurals) keys.emplace_back(e.key);
    return keys;
}

const std::string& tr_form(Lang lang, std::string_view key, bool singular) {
    static const std::map<std::pair<std::string_view, Lang>, std::string> one = [] {
        std::map<std::pair<std::string_view, Lang>, std::string> m;
        for (const auto& e : k_plurals) {
            m[{e.key, Lang::nl}] = e.nl_one;
            m[{e.key, Lang::en}] = e.en_one;
        }
        return m;
    }();
    if (!singular) {
        if (one.count({key, lang}) == 0) throw Error("report text '" + std::string(key) + "' has no plural forms");
        return tr(lang, key);
    }
    auto it = one.find({key, lang});
    if (it == one.end()) throw Error("report text '" + std::string(key) + "' has no plural forms");
    return it->second;
}

std::string trn(Lang lang, std::string_view key, std::int64_t count, std::initializer_list<std::string> args) {
    return fill(tr_form(lang, key, count == 1), args);
}

std::string fill(std::string_view pattern, std::initializer_list<std::string> args) {
    std::string out;
    for (std::size_t k = 0; k < pattern.size(); ++k) {
        if (pattern[k] == '{' && k + 2 < pattern.size() && pattern[k + 2] == '}' && pattern[k + 1] >= '0' && pattern[k + 1] <= '9') {
            const auto n = static_cast<std::size_t>(pattern[k + 1] - '0');
            if (n < args.size()) {
                out += *(args.begin() + n);
                k += 2;
                continue;
            }
        }
        out += pattern[k];
    }
    return out;
}

std::string trf(Lang lang, std::string_view key, std::initializer_list<std::string> args) { return fill(tr(lang, key), args); }

std::string number(Lang lang, double value, int decimals) {
    if (!std::isfinite(value)) return "\xe2\x80\x93";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::max(0, decimals), std::fabs(value));
    std::string s = buf;
    std::string whole = s, frac;
    if (auto dot = s.find('.'); dot != std::string::npos) {
        whole = s.substr(0, dot);
        frac = s.substr(dot + 1);
    }
    const bool nl = lang == Lang::nl;
    std::string out = group(whole, nl ? '.' : ',');
    if (!frac.empty()) out += (nl ? ',' : '.') + frac;
    const bool zero = out.find_first_not_of("0.,") == std::string::npos;
    return (value < 0 && !zero ? "\xe2\x88\x92" : "") + out;
}

std::string integer(Lang lang, std::int64_t value) { return number(lang, static_cast<double>(value), 0); }

std::string percent(Lang lang, double share, int decimals) { return number(lang, share * 100.0, decimals) + "%"; }

std::string form_label(Lang lang, std::string_view form) {
    return lookup(std::begin(k_forms), std::end(k_forms), lang, form);
}

std::vector<std::string> form_keys() {
    std::vector<std::string> keys;
    for (const auto& e : k_forms) keys.emplace_back(e.key);
    return keys;
}

std::string role_label(Lang lang, std::string_view role) {
    return lookup(std::begin(k_roles), std::end(k_roles), lang, role);
}

}  // namespace regionet::render::report
