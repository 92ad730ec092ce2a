//! Light/dark theme: the system preference by default, a toggle that is remembered.

/// localStorage key for an explicit choice.
pub const STORAGE_KEY: &str = "conversation-lens.theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// Value of `data-theme` on `<html>` and in storage.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    #[must_use]
    pub const fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }

    /// The stored choice wins; otherwise follow the system.
    #[must_use]
    pub fn initial(stored: Option<&str>, system_prefers_dark: bool) -> Theme {
        stored
            .and_then(Theme::parse)
            .unwrap_or(if system_prefers_dark {
                Theme::Dark
            } else {
                Theme::Light
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_choice_wins_over_system() {
        assert_eq!(Theme::initial(Some("light"), true), Theme::Light);
        assert_eq!(Theme::initial(Some("dark"), false), Theme::Dark);
        assert_eq!(Theme::initial(Some("purple"), true), Theme::Dark);
        assert_eq!(Theme::initial(None, false), Theme::Light);
        assert_eq!(Theme::Dark.toggled().as_str(), "light");
    }
}
