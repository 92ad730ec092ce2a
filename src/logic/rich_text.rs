//! Explanations from the lens crate mark field names with backticks (`endTime`). We show those
//! as code, without ever interpreting the text as HTML.

/// One run of an explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Text(String),
    Code(String),
}

/// Split `text` at backticks: odd runs are code. An unmatched backtick is kept as text.
#[must_use]
pub fn runs(text: &str) -> Vec<Run> {
    let parts: Vec<&str> = text.split('`').collect();
    // An even number of parts means one backtick has no partner: treat the last one literally.
    let unmatched = parts.len().is_multiple_of(2);
    let mut out: Vec<Run> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let last = i == parts.len() - 1;
        let is_code = i % 2 == 1 && !(unmatched && last);
        let run = if is_code {
            Run::Code((*part).to_owned())
        } else if unmatched && last {
            Run::Text(format!("`{part}"))
        } else {
            Run::Text((*part).to_owned())
        };
        match (out.last_mut(), run) {
            (Some(Run::Text(prev)), Run::Text(t)) => prev.push_str(&t),
            (_, r) => out.push(r),
        }
    }
    out.retain(|r| !matches!(r, Run::Text(t) if t.is_empty()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_code() {
        assert_eq!(
            runs("No `endTime` yet, see `state`."),
            vec![
                Run::Text("No ".into()),
                Run::Code("endTime".into()),
                Run::Text(" yet, see ".into()),
                Run::Code("state".into()),
                Run::Text(".".into())
            ]
        );
        assert_eq!(runs("plain"), vec![Run::Text("plain".into())]);
        assert_eq!(runs("a `b"), vec![Run::Text("a `b".into())]);
        assert_eq!(runs(""), Vec::<Run>::new());
        assert_eq!(
            runs("<b>x</b>"),
            vec![Run::Text("<b>x</b>".into())],
            "never HTML"
        );
    }
}
