//! Official field documentation, for hovering a field in the raw JSON view.

pub use crate::field_doc::FieldDoc;

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
