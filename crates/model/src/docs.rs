//! Official field documentation, for hovering a field in the raw JSON view.

/// One field of one reference model: its type, enum values and the SDK's doc string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldDoc {
    pub model: &'static str,
    pub field: &'static str,
    /// Type as the SDK writes it: `str`, `int`, `datetime`, `list[Call]`, `dict(str, str)`, a model name.
    pub ty: &'static str,
    /// Enum values, empty when the field is not an enum.
    pub values: &'static [&'static str],
    /// The official description; may be empty.
    pub doc: &'static str,
}

pub use crate::generated::docs::FIELD_DOCS;

/// Documentation of `model.field`, if the reference has it.
#[must_use]
pub fn field(model: &str, field: &str) -> Option<&'static FieldDoc> {
    FIELD_DOCS
        .iter()
        .find(|d| d.model == model && d.field == field)
}

/// All fields of one model, in reference order.
pub fn fields_of(model: &str) -> impl Iterator<Item = &'static FieldDoc> + '_ {
    FIELD_DOCS.iter().filter(move |d| d.model == model)
}

/// The model a field's type points to (`list[Call]` → `Call`), if it is a model.
#[must_use]
pub fn nested_model(ty: &str) -> Option<&str> {
    let inner = ty
        .strip_prefix("list[")
        .and_then(|s| s.strip_suffix(']'))
        .or_else(|| {
            ty.strip_prefix("dict(str, ")
                .and_then(|s| s.strip_suffix(')'))
        })
        .unwrap_or(ty);
    let is_model = inner.chars().next().is_some_and(char::is_uppercase);
    is_model.then_some(inner)
}
