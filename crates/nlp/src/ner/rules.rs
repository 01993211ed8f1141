//! From the model's PER/ORG/LOC/NORP spans to the final entities: gazetteer
//! relabelling (a LOC the gazetteer knows as a country, city or state is GPE), places,
//! groups and organizations the model missed, and DATE spans by rule.
use super::dates;
use super::features::{cap_runs, is_cap};
use super::labels::Label;
use crate::gazetteer::{GazKind, Gazetteer};

fn label_of(kind: GazKind) -> Option<Label> {
    match kind {
        GazKind::Country | GazKind::City | GazKind::State => Some(Label::Gpe),
        GazKind::Region => Some(Label::Loc),
        GazKind::Demonym => Some(Label::Norp),
        GazKind::Org => Some(Label::Org),
        GazKind::Person => Some(Label::Per),
        GazKind::Month | GazKind::Weekday | GazKind::FirstName | GazKind::Title | GazKind::OrgWord | GazKind::PlaceWord => None,
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Final entity spans over `words` given the model's spans.
pub fn finalize(words: &[&str], model: Vec<(usize, usize, Label)>, gaz: &Gazetteer) -> Vec<(usize, usize, Label)> {
    let mut spans: Vec<(usize, usize, Label)> = model
        .into_iter()
        .map(|(s, e, label)| {
            let exact = gaz.longest_at(words, s).filter(|&(len, _)| len == e - s).map(|(_, k)| k).or_else(|| listed_in_lower_case(words, s, e, gaz));
            let label = match (label, exact) {
                (Label::Loc | Label::Per, Some(k)) if k.is_gpe() => Label::Gpe,
                (Label::Loc, Some(GazKind::Org)) => Label::Org,
                (Label::Org | Label::Loc, Some(GazKind::Person)) => Label::Per,
                (Label::Org | Label::Loc | Label::Per, Some(GazKind::Demonym)) => Label::Norp,
                (l, _) => l,
            };
            (s, e, label)
        })
        .collect();

    strip_titles(words, gaz, &mut spans);
    // "the Netherlands": the article is not part of the place's name.
    for sp in spans.iter_mut() {
        if matches!(sp.2, Label::Loc | Label::Gpe) && sp.1 - sp.0 >= 2 && words[sp.0] == "the" {
            sp.0 += 1;
        }
    }
    if !headline(words) {
        org_runs(words, gaz, &mut spans);
        after_titles(words, gaz, &mut spans);
    }
    acronyms_in_brackets(words, &mut spans);

    // Listed names the model missed, or found only part of ("American" in "Latin
    // American", "Iran" in "Islamic Republic of Iran"); a span that crosses the
    // listed name's edge wins over it.
    for m in gaz.matches(words) {
        let Some(label) = label_of(m.kind) else { continue };
        let inside = |&(s, e, _): &(usize, usize, Label)| s >= m.start && e <= m.end;
        let exact = |sp: &(usize, usize, Label)| sp.0 == m.start && sp.1 == m.end;
        if spans.iter().any(|sp| exact(sp) || (overlaps((sp.0, sp.1), (m.start, m.end)) && !inside(sp))) {
            continue;
        }
        spans.retain(|sp| !inside(sp));
        spans.push((m.start, m.end, label));
    }

    lower_case_places(words, gaz, &mut spans);

    for (s, e) in dates::find(words, gaz) {
        let partial = spans.iter().any(|&(a, b, _)| overlaps((a, b), (s, e)) && (a < s || b > e));
        if partial {
            continue;
        }
        spans.retain(|&(a, b, _)| !overlaps((a, b), (s, e)));
        spans.push((s, e, Label::Date));
    }
    // A name neither starts nor ends with punctuation ("NATO ,").
    let punct = |w: &str| !w.chars().any(char::is_alphanumeric);
    for sp in spans.iter_mut() {
        while sp.1 > sp.0 && punct(words[sp.1 - 1]) {
            sp.1 -= 1;
        }
        while sp.0 < sp.1 && punct(words[sp.0]) {
            sp.0 += 1;
        }
    }
    let lone_title = |w: &str| gaz.word(w) == Some(GazKind::Title);
    spans.retain(|&(s, e, label)| {
        let lone = |f: &dyn Fn(&str) -> bool| e == s + 1 && f(words[s]);
        let not_a_name =
            e <= s || currency_prefix(words, s, e) || lone(&generic_word) || lone(&common_abbreviation) || lone(&lone_title)
                // "we had turkey": a lower-case common word that is also a place name
                // ("nancy" may still be a person).
                || (matches!(label, Label::Loc | Label::Gpe) && lone(&common_word_place));
        !not_a_name
    });
    spans.sort_unstable();
    spans
}

/// Web text often writes places in lower case ("migratory birds in punjab"): a
/// lower-case word that is a listed country, state or city, and not also a common
/// word ("turkey", "nice"), is a place when nothing else claims it.
fn lower_case_places(words: &[&str], gaz: &Gazetteer, spans: &mut Vec<(usize, usize, Label)>) {
    let lower = |w: &str| w.chars().all(|c| c.is_lowercase());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if !lower(w) || spans.iter().any(|&(a, b, _)| a <= i && i < b) {
            i += 1;
            continue;
        }
        // "san francisco", "greater noida": the words capitalised make a listed place.
        let run: Vec<String> = words[i..].iter().take(4).take_while(|w| lower(w)).map(|w| title_case(w)).collect();
        let multi = gaz.longest_at(&run, 0).filter(|&(len, k)| len >= 2 && k.is_gpe()).map(|(len, _)| len);
        let len = match multi {
            Some(len) if !spans.iter().any(|&(a, b, _)| a < i + len && i < b) => len,
            _ if w.len() >= 4 && !common_word_place(w) && gaz.word_lower(w).is_some_and(GazKind::is_gpe) => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        spans.push((i, i + len, Label::Gpe));
        i += len;
    }
}

/// The list kind of a lower-case span ("punjab", "san francisco") written with capitals.
fn listed_in_lower_case(words: &[&str], s: usize, e: usize, gaz: &Gazetteer) -> Option<GazKind> {
    if !words[s..e].iter().all(|w| w.chars().all(|c| !c.is_uppercase())) {
        return None;
    }
    let run: Vec<String> = words[s..e].iter().map(|w| title_case(w)).collect();
    gaz.longest_at(&run, 0).filter(|&(len, _)| len == e - s).map(|(_, k)| k)
}

fn title_case(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Lower-case words that are ordinary English as well as place names.
fn common_word_place(w: &str) -> bool {
    matches!(
        w,
        "turkey" | "chad" | "jordan" | "georgia" | "china" | "guinea" | "nice" | "reading" | "bath" | "mobile" | "victoria"
            | "split" | "sale" | "wells" | "deal" | "hull" | "orange" | "phoenix" | "buffalo" | "march" | "male" | "cork"
            | "hope" | "lima" | "most" | "university" | "union" | "kent" | "mark"
            | "sandwich" | "york" | "lincoln" | "jackson" | "austin" | "columbia" | "florence" | "eugene" | "independence"
            | "temple" | "liberty" | "concord" | "mercury" | "venus" | "china's" | "congo" | "aden" | "nancy" | "sydney"
            | "chester" | "salem" | "troy" | "bar" | "gay" | "dover" | "darwin" | "boulder" | "flagstaff" | "riverside"
            | "queens" | "manhattan" | "worcester" | "bristol" | "burbank" | "cambridge" | "oxford"
    )
}

/// A title is not part of a person's name ("Gen Prayut" is "Prayut"); a person span
/// that is only a title ("Sheikh", "Pope") names no one.
fn strip_titles(words: &[&str], gaz: &Gazetteer, spans: &mut Vec<(usize, usize, Label)>) {
    spans.retain_mut(|(s, e, label)| {
        if *label != Label::Per {
            return true;
        }
        while let Some((len, GazKind::Title)) = gaz.longest_at(words, *s) {
            if *s + len > *e {
                break;
            }
            *s += len;
        }
        *s < *e
    });
}

/// "US $2.7 million", "NZ$", "Dh 500", "Tk 20 crore": a short all-capital word before
/// a dollar sign, or a currency abbreviation before a number, is money, not a name.
pub(crate) fn currency_prefix(words: &[&str], s: usize, e: usize) -> bool {
    if e != s + 1 {
        return false;
    }
    let w = words[s];
    let next = words.get(e).copied().unwrap_or("");
    let dollar = w.chars().filter(|c| c.is_alphabetic()).count() <= 3
        && w.chars().all(|c| c.is_uppercase() || c == '.')
        && (next.starts_with('$') || matches!(next, "dollar" | "dollars" | "Dollar" | "Dollars"));
    let code = matches!(
        w,
        "Dh" | "Dhs" | "AED" | "Tk" | "Rs" | "Rs." | "INR" | "RM" | "KSh" | "Ksh" | "Sh" | "QR" | "SR" | "SAR" | "KD" | "BD"
            | "OMR" | "RO" | "JD" | "Rp" | "GHS" | "GH¢" | "MK" | "ZK" | "USD" | "EUR" | "GBP" | "NZD" | "AUD" | "CAD"
            | "HKD" | "CNY" | "RMB" | "JPY" | "KRW" | "NT" | "Bs" | "S/"
    ) && next.starts_with(|c: char| c.is_ascii_digit());
    dollar || code
}

/// Abbreviations of common nouns that the model, seeing capitals, may take for a
/// name ("AI", "LNG", "GDP").
fn common_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "AI" | "TB" | "LNG" | "CPI" | "NFT" | "NFTs" | "QR" | "FIR" | "GDP" | "CEO" | "CEOs" | "HIV" | "AIDS" | "SUV" | "IT"
            | "PM" | "MP" | "MPs" | "ATM" | "GPS" | "DNA" | "LGBT" | "LGBTQ" | "LGBTQ+" | "VAT" | "GST" | "PPE" | "ICU"
            | "IPO" | "FDI" | "SME" | "SMEs" | "EV" | "EVs" | "MoU" | "MoUs" | "R&D" | "ID" | "TV" | "PC" | "SMS" | "PDF"
            | "USB" | "LED" | "CCTV" | "VIP" | "VIPs" | "FAQ" | "GMO" | "KYC" | "OTP" | "NGO" | "NGOs" | "CO2" | "GHG" | "LPG"
            | "CNG" | "MW" | "GW" | "KM" | "km" | "UAV" | "UAVs" | "PhD" | "MBA" | "BA" | "MA" | "BSc" | "MSc" | "OK"
    )
}

/// A capitalised common noun alone ("the Kingdom", "the Republic", "North") that
/// stands for a name without being one.
fn generic_word(w: &str) -> bool {
    matches!(
        w,
        "Kingdom" | "Republic" | "Emirate" | "Sultanate" | "Union" | "State" | "City" | "Government" | "North" | "South"
            | "East" | "West" | "Ministry" | "Agency" | "Summit" | "Grand" | "Church" | "Party"
            | "Department"
    )
}

/// Most words capitalised: names cannot be told from the rest by case.
fn headline(words: &[&str]) -> bool {
    let alpha = words.iter().filter(|w| w.chars().next().is_some_and(|c| c.is_alphabetic())).count();
    let caps = words.iter().filter(|w| is_cap(w)).count();
    alpha >= 4 && caps * 10 >= alpha * 7
}

/// A capitalised run that ends in an organization word ("Census Bureau", "Open
/// Dialogue Foundation") or starts with one before "of" ("Ministry of Health",
/// "University of North Carolina") is an organization; spans inside it give way.
fn org_runs(words: &[&str], gaz: &Gazetteer, spans: &mut Vec<(usize, usize, Label)>) {
    let runs = cap_runs(words);
    let mut i = 0;
    while i < words.len() {
        let (rs, re, pos) = runs[i];
        if !matches!(pos, "B" | "U") {
            i += 1;
            continue;
        }
        let mut start = rs;
        // A sentence-initial "The" or a title is not part of the name.
        while start < re && (matches!(words[start], "The" | "A" | "An") || gaz.longest_at(words, start).is_some_and(|(_, k)| k == GazKind::Title)) {
            start += 1;
        }
        let mut end = re + 1;
        i = end;
        // A date after a name is not part of it ("National Assembly Tuesday").
        if let Some(d) = (start..end).find(|&k| matches!(gaz.word(words[k]), Some(GazKind::Month | GazKind::Weekday))) {
            end = d;
        }
        // "Sadeka Halim of Dubai University": what comes before a connector belongs to
        // the name only if it holds an organization word ("University of Ghana").
        for k in start + 1..end.saturating_sub(1) {
            if matches!(words[k], "of" | "and" | "for")
                && !words[start..k].iter().any(|w| gaz.word(w) == Some(GazKind::OrgWord))
                && words[k + 1..end].iter().any(|w| gaz.word(w) == Some(GazKind::OrgWord))
            {
                start = k + 1;
            }
        }
        if end <= start {
            continue;
        }
        let last_org = gaz.word(words[end - 1]) == Some(GazKind::OrgWord);
        // "Ministry of Health", "Kalinga Institute of Industrial Technology"
        let first_org_of = (start..end - 1).any(|k| gaz.word(words[k]) == Some(GazKind::OrgWord) && words[k + 1] == "of");
        if end - start < 2 || !(last_org || first_org_of) {
            continue;
        }
        // Leave alone a run a PER or ORG span crosses at its edges.
        if spans.iter().any(|&(a, b, _)| overlaps((a, b), (start, end)) && (a < start || b > end)) {
            continue;
        }
        spans.retain(|&(a, b, _)| !overlaps((a, b), (start, end)));
        spans.push((start, end, Label::Org));
    }
}

/// Capitalised words right after a title ("President Shavkat Mirziyoyev", "Mr
/// Osborne") that nothing else claims are a person.
fn after_titles(words: &[&str], gaz: &Gazetteer, spans: &mut Vec<(usize, usize, Label)>) {
    let mut i = 0;
    while i < words.len() {
        let Some((len, GazKind::Title)) = gaz.longest_at(words, i) else {
            i += 1;
            continue;
        };
        let start = i + len;
        let mut end = start;
        while end < words.len() && end - start < 4 && is_cap(words[end]) && gaz.word(words[end]).is_none_or(|k| k == GazKind::FirstName) {
            end += 1;
        }
        if end > start && !spans.iter().any(|&(a, b, _)| overlaps((a, b), (start, end))) {
            spans.push((start, end, Label::Per));
        }
        i = end.max(i + 1);
    }
}

/// "Open Dialogue Foundation ( ODF )": the acronym in brackets after a name has its type.
fn acronyms_in_brackets(words: &[&str], spans: &mut Vec<(usize, usize, Label)>) {
    let mut add = Vec::new();
    for &(_, e, label) in spans.iter() {
        if label != Label::Org && label != Label::Loc && label != Label::Gpe {
            continue;
        }
        if words.get(e) == Some(&"(") && words.get(e + 2) == Some(&")") {
            let w = words[e + 1];
            if w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-') && !spans.iter().any(|&(a, _, _)| a == e + 1) {
                add.push((e + 1, e + 2, label));
            }
        }
    }
    spans.extend(add);
}
