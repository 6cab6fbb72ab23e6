//! Styles of the app, in one place: a dark and a light theme, and a monochrome one for NO_COLOR
//! (modifiers only, so every distinction still shows). No state, no files.

use ratatui::style::{Color, Modifier, Style};

use super::document::Mark;
pub use crate::store::config::ThemeName;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    pub monochrome: bool,
    pub base: Style,
    pub dim: Style,
    pub marker: Style,
    pub heading: Style,
    pub figure: Style,
    pub flag: Style,
    pub hit: Style,
    pub current_hit: Style,
    pub selected: Style,
    pub border: Style,
    pub border_focused: Style,
    pub footer: Style,
    pub error: Style,
    /// Text only the left side of a compared pair has.
    pub removed: Style,
    /// Text only the right side has.
    pub added: Style,
}

impl Theme {
    /// The theme to use: `NO_COLOR` (set and non-empty) turns colours off whatever the name.
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        if no_color {
            return Self::monochrome(name);
        }
        let (fg, dim, accent, heading, figure, selected_bg) = match name {
            ThemeName::Dark => (
                Color::Gray,
                Color::DarkGray,
                Color::Cyan,
                Color::White,
                Color::LightYellow,
                Color::Blue,
            ),
            ThemeName::Light => (
                Color::Black,
                Color::Gray,
                Color::Blue,
                Color::Black,
                Color::Magenta,
                Color::LightCyan,
            ),
        };
        Theme {
            name,
            monochrome: false,
            base: Style::new().fg(fg),
            dim: Style::new().fg(dim),
            marker: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(heading).add_modifier(Modifier::BOLD),
            figure: Style::new().fg(figure),
            flag: Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC),
            hit: Style::new().fg(Color::Black).bg(Color::Yellow),
            current_hit: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(selected_bg)
                .fg(heading)
                .add_modifier(Modifier::BOLD),
            border: Style::new().fg(dim),
            border_focused: Style::new().fg(accent),
            footer: Style::new().fg(fg).add_modifier(Modifier::REVERSED),
            error: Style::new().fg(Color::Red),
            removed: Style::new().fg(Color::Black).bg(Color::LightRed),
            added: Style::new().fg(Color::Black).bg(Color::LightGreen),
        }
    }

    fn monochrome(name: ThemeName) -> Self {
        Theme {
            name,
            monochrome: true,
            base: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            marker: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            figure: Style::new().add_modifier(Modifier::UNDERLINED),
            flag: Style::new().add_modifier(Modifier::ITALIC),
            hit: Style::new().add_modifier(Modifier::REVERSED),
            current_hit: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new(),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            footer: Style::new().add_modifier(Modifier::REVERSED),
            error: Style::new().add_modifier(Modifier::BOLD),
            removed: Style::new().add_modifier(Modifier::CROSSED_OUT),
            added: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        }
    }

    pub fn toggled(self) -> Self {
        let name = match self.name {
            ThemeName::Dark => ThemeName::Light,
            ThemeName::Light => ThemeName::Dark,
        };
        Self::new(name, self.monochrome)
    }

    pub fn mark(&self, mark: Mark) -> Style {
        match mark {
            Mark::Marker => self.marker,
            Mark::Heading => self.heading,
            Mark::Figure => self.figure,
            Mark::Flag => self.flag,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_uses_no_colours_at_all() {
        let theme = Theme::new(ThemeName::Dark, true);
        for style in [
            theme.base,
            theme.marker,
            theme.heading,
            theme.figure,
            theme.hit,
            theme.selected,
            theme.footer,
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert_ne!(theme.hit, theme.base, "hits still stand out");
    }
}
