//! Which check a result belongs to: a stable id, plain data (the JSON `id`, the JUnit test-case
//! name and the subcommand).
//!
//! The table of checks is the `checks!` list below, one line per check: its id and the module
//! under `src/check/` that declares it (`SPEC`, see `check::registry`). `CheckId` is declared from
//! the list here, and the registry binds each id to its module from the same list, so the two
//! cannot differ: adding a check is its module and one line here.

/// The table of checks, in the order reports list them. Calls `$then!` with the whole list.
macro_rules! checks {
    ($then:ident) => {
        $then! {
            Key => key,
            Stun => stun,
            Turn => turn,
            Mic => mic,
            Sdp => sdp,
            Datachannel => datachannel,
            Voice => voice,
            BrowserMic => browser_mic,
            BrowserWebrtc => browser_webrtc,
        }
    };
}
pub(crate) use checks;

macro_rules! declare_ids {
    ($($variant:ident => $module:ident),* $(,)?) => {
        /// Stable identifier of a check: its variant's name in kebab-case (`browser-webrtc`).
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::IntoStaticStr,
        )]
        #[strum(serialize_all = "kebab-case")]
        pub enum CheckId {
            $($variant),*
        }

        impl CheckId {
            /// Every check, in the order reports list them.
            pub const ALL: &[CheckId] = &[$(CheckId::$variant),*];
        }
    };
}
checks!(declare_ids);

impl CheckId {
    /// The id as reports, subcommands and JUnit name it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn from_name(name: &str) -> Option<CheckId> {
        name.parse().ok()
    }

    fn names() -> Vec<&'static str> {
        CheckId::ALL.iter().map(|id| id.as_str()).collect()
    }
}

impl std::str::FromStr for CheckId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        CheckId::ALL
            .iter()
            .copied()
            .find(|id| id.as_str() == s)
            .ok_or_else(|| format!("unknown check {s:?}; checks: {}", CheckId::names().join(", ")))
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for CheckId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for CheckId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for CheckId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CheckId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Stable identifier of a check: the JSON `id`, the JUnit test-case name and the subcommand.",
            "type": "string",
            "enum": CheckId::names(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::CheckId;

    #[test]
    fn names_round_trip() {
        let names: Vec<&str> = CheckId::ALL.iter().map(|id| id.as_str()).collect();
        assert_eq!(
            names,
            ["key", "stun", "turn", "mic", "sdp", "datachannel", "voice", "browser-mic", "browser-webrtc"]
        );
        for id in CheckId::ALL {
            assert_eq!(id.as_str().parse::<CheckId>(), Ok(*id));
        }
        assert!("nope".parse::<CheckId>().unwrap_err().contains("checks: key, stun"));
    }
}
