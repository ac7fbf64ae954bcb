//! OpenAI's voice APIs as a domain: their default host and models, which model belongs to which
//! API, and what a host name says (Azure OpenAI, a data-residency region). Plain functions of
//! strings, shared by the settings, the checks and the fake.

pub const DEFAULT_BASE_URL: &str = "https://api.openai.com";
pub const DEFAULT_MODEL: &str = "gpt-realtime";
/// The GPT-Live model `--api live` checks unless told otherwise (OpenAI's models page).
pub const DEFAULT_LIVE_MODEL: &str = "gpt-live-1";

/// A GPT-Live model id (`gpt-live-1`, `gpt-live-1.1`, dated snapshots).
pub fn is_live_model(model: &str) -> bool {
    model.starts_with("gpt-live")
}

/// Azure OpenAI resource hosts: `NAME.openai.azure.com`, and the `cognitiveservices` and AI
/// Foundry (`services.ai.azure.com`) names of the same resources.
pub fn is_azure_host(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"].iter().any(|s| h.ends_with(s))
}

/// The data-residency region of an OpenAI host such as `eu.api.openai.com`, if it is one
/// (OpenAI's data residency docs: regional hosts keep the API's paths).
pub fn residency(host: &str) -> Option<&str> {
    host.strip_suffix(".api.openai.com").filter(|r| !r.is_empty() && !r.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_models() {
        assert!(is_live_model("gpt-live-1.1") && !is_live_model("gpt-realtime"));
        assert!(is_azure_host("res.OpenAI.azure.com") && is_azure_host("x.services.ai.azure.com"));
        assert!(!is_azure_host("api.openai.com"));
        assert_eq!(residency("eu.api.openai.com"), Some("eu"));
        assert_eq!(residency("api.openai.com"), None);
        assert_eq!(residency("a.b.api.openai.com"), None);
    }
}
