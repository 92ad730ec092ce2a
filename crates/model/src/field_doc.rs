//! The shape of one field's documentation (its own module: the generated table and
//! [`crate::docs`] both use it without importing each other).

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
