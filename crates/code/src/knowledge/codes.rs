//! Validated codes: CAMEO event codes, actor codes, country codes, sectors, PLOVER types.
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why a code did not validate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("CAMEO code {0:?} must be 2 to 4 digits with a root from 01 to 20")]
    Cameo(String),
    #[error("actor code {0:?} must be upper-case letters in groups of three (RUS, RUSGOV, IGOWSTNAT)")]
    Actor(String),
    #[error("country code {0:?} must be three upper-case letters (ISO 3166-1 alpha-3)")]
    Country(String),
    #[error("sector {0:?} must be three upper-case letters (GOV, MIL, REB)")]
    Sector(String),
    #[error("quad class {0:?} must be 1, 2, 3 or 4")]
    Quad(String),
    #[error("unknown PLOVER event type {0:?}")]
    Plover(String),
}

fn three_upper(s: &str) -> Option<[u8; 3]> {
    let b = s.as_bytes();
    (b.len() == 3 && b.iter().all(u8::is_ascii_uppercase)).then(|| [b[0], b[1], b[2]])
}

/// An ISO 3166-1 alpha-3 country code (`RUS`), or a user-assigned one (`XKX` for Kosovo).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 3]);

impl CountryCode {
    pub fn as_str(&self) -> &str {
        // Only ASCII upper-case letters get in.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl FromStr for CountryCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, CodeError> {
        three_upper(s).map(CountryCode).ok_or_else(|| CodeError::Country(s.to_string()))
    }
}

/// A CAMEO sector or agent (`GOV`, `MIL`, `REB`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sector([u8; 3]);

impl Sector {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl FromStr for Sector {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, CodeError> {
        three_upper(s).map(Sector).ok_or_else(|| CodeError::Sector(s.to_string()))
    }
}

/// A CAMEO actor code: a country code or an international prefix (`IGO`, `NGO`, `IMG`, `MNC`)
/// followed by zero or more three-letter groups (`RUS`, `RUSGOV`, `IGOWSTNAT`, `IMGMOSISI`).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ActorCode(String);

/// Prefixes of actor codes that name no country.
const INTERNATIONAL: [&str; 5] = ["IGO", "NGO", "IMG", "MNC", "UIS"];

impl ActorCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country the code belongs to; `None` for international bodies and groups.
    pub fn country(&self) -> Option<CountryCode> {
        if self.is_international() {
            None
        } else {
            self.0[..3].parse().ok()
        }
    }

    /// Whether the code is an international body or group (IGO, NGO, IMG, MNC, UIS).
    pub fn is_international(&self) -> bool {
        INTERNATIONAL.contains(&&self.0[..3])
    }

    /// The three-letter groups after the first (`RUSGOV` → `[GOV]`).
    pub fn sectors(&self) -> impl Iterator<Item = &str> + '_ {
        (3..self.0.len()).step_by(3).map(move |i| &self.0[i..i + 3])
    }

    /// The first sector, if any (`RUSGOV` → `GOV`).
    pub fn primary_sector(&self) -> Option<Sector> {
        self.sectors().next().and_then(|s| s.parse().ok())
    }

    /// The bare country code as an actor code.
    pub fn of_country(country: CountryCode) -> ActorCode {
        ActorCode(country.as_str().to_string())
    }

    /// A country with one sector (`RUS` + `GOV` = `RUSGOV`).
    pub fn with_sector(country: CountryCode, sector: Sector) -> ActorCode {
        ActorCode(format!("{}{}", country.as_str(), sector.as_str()))
    }
}

impl FromStr for ActorCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, CodeError> {
        let ok = !s.is_empty()
            && s.len().is_multiple_of(3)
            && s.len() <= 18
            && s.bytes().all(|b| b.is_ascii_uppercase());
        if ok {
            Ok(ActorCode(s.to_string()))
        } else {
            Err(CodeError::Actor(s.to_string()))
        }
    }
}

impl TryFrom<String> for ActorCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, CodeError> {
        s.parse()
    }
}

impl From<ActorCode> for String {
    fn from(c: ActorCode) -> String {
        c.0
    }
}

/// A CAMEO event code: 2 to 4 digits, the first two the root class 01–20.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CameoCode(String);

impl CameoCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The root class as a number, 1–20.
    pub fn root(&self) -> u8 {
        self.0[..2].parse().unwrap_or(0)
    }

    /// The root class as its two-digit code (`"19"`).
    pub fn root_code(&self) -> &str {
        &self.0[..2]
    }

    /// The quad class the root belongs to.
    pub fn quad_class(&self) -> QuadClass {
        QuadClass::of_root(self.root())
    }

    /// The code one level up (`0332` → `033`, `033` → `03`); `None` for a root.
    pub fn parent(&self) -> Option<CameoCode> {
        (self.0.len() > 2).then(|| CameoCode(self.0[..self.0.len() - 1].to_string()))
    }
}

impl FromStr for CameoCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, CodeError> {
        let digits = (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        let root_ok = digits && matches!(s[..2].parse::<u8>(), Ok(1..=20));
        if root_ok {
            Ok(CameoCode(s.to_string()))
        } else {
            Err(CodeError::Cameo(s.to_string()))
        }
    }
}

impl TryFrom<String> for CameoCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, CodeError> {
        s.parse()
    }
}

impl From<CameoCode> for String {
    fn from(c: CameoCode) -> String {
        c.0
    }
}

/// The four quad classes of CAMEO roots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuadClass {
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}

impl QuadClass {
    /// The quad class of a root by the usual convention: 01–05, 06–08, 09–13, 14–20.
    pub fn of_root(root: u8) -> QuadClass {
        match root {
            0..=5 => QuadClass::VerbalCooperation,
            6..=8 => QuadClass::MaterialCooperation,
            9..=13 => QuadClass::VerbalConflict,
            _ => QuadClass::MaterialConflict,
        }
    }

    pub fn number(self) -> u8 {
        self as u8
    }
}

impl FromStr for QuadClass {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, CodeError> {
        match s {
            "1" => Ok(QuadClass::VerbalCooperation),
            "2" => Ok(QuadClass::MaterialCooperation),
            "3" => Ok(QuadClass::VerbalConflict),
            "4" => Ok(QuadClass::MaterialConflict),
            _ => Err(CodeError::Quad(s.to_string())),
        }
    }
}

/// A PLOVER event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PloverType {
    Agree,
    Consult,
    Support,
    Cooperate,
    Aid,
    Concede,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Mobilize,
    Sanction,
    Coerce,
    Assault,
}

impl PloverType {
    const ALL: [(PloverType, &'static str); 16] = [
        (PloverType::Agree, "AGREE"),
        (PloverType::Consult, "CONSULT"),
        (PloverType::Support, "SUPPORT"),
        (PloverType::Cooperate, "COOPERATE"),
        (PloverType::Aid, "AID"),
        (PloverType::Concede, "CONCEDE"),
        (PloverType::Retreat, "RETREAT"),
        (PloverType::Request, "REQUEST"),
        (PloverType::Accuse, "ACCUSE"),
        (PloverType::Reject, "REJECT"),
        (PloverType::Threaten, "THREATEN"),
        (PloverType::Protest, "PROTEST"),
        (PloverType::Mobilize, "MOBILIZE"),
        (PloverType::Sanction, "SANCTION"),
        (PloverType::Coerce, "COERCE"),
        (PloverType::Assault, "ASSAULT"),
    ];

    /// The upper-case name used in PLOVER data (`"CONSULT"`).
    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(t, _)| *t == self).map(|(_, s)| *s).unwrap_or("")
    }
}

impl FromStr for PloverType {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, CodeError> {
        Self::ALL
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(s))
            .map(|(t, _)| *t)
            .ok_or_else(|| CodeError::Plover(s.to_string()))
    }
}

macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($t), self.as_str())
            }
        }
    )*};
}
display_as_str!(CountryCode, Sector, ActorCode, CameoCode);

impl fmt::Display for PloverType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cameo_codes_validate_root_and_length() {
        assert!("042".parse::<CameoCode>().is_ok());
        assert!("0332".parse::<CameoCode>().is_ok());
        assert!("20".parse::<CameoCode>().is_ok());
        for bad in ["21", "00", "4", "04211", "0a2", ""] {
            assert!(bad.parse::<CameoCode>().is_err(), "{bad} should not parse");
        }
        let c: CameoCode = "0332".parse().unwrap();
        assert_eq!(c.root(), 3);
        assert_eq!(c.parent().unwrap().as_str(), "033");
        assert_eq!("195".parse::<CameoCode>().unwrap().quad_class(), QuadClass::MaterialConflict);
    }

    #[test]
    fn actor_codes_split_into_country_and_sectors() {
        let a: ActorCode = "RUSGOV".parse().unwrap();
        assert_eq!(a.country().unwrap().as_str(), "RUS");
        assert_eq!(a.primary_sector().unwrap().as_str(), "GOV");
        let n: ActorCode = "IGOWSTNAT".parse().unwrap();
        assert!(n.is_international());
        assert_eq!(n.country(), None);
        for bad in ["RU", "RUSGO", "rusgov", "RUS GOV", "IGO20"] {
            assert!(bad.parse::<ActorCode>().is_err(), "{bad} should not parse");
        }
    }
}
