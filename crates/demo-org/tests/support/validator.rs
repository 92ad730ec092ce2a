//! Validates JSON against the official SDK models vendored in `reference/*-models.json` (repo root).
//!
//! Every field must exist in the model (unknown fields FAIL), JSON types must match
//! (`str`/`int`/`float`/`bool`/`datetime` ISO-8601 UTC with milliseconds/`list[..]`/`dict(..)`/
//! nested model), enum values must be in the model's list, and `null` is never allowed (Genesys
//! omits absent values). Reusable by any test: `Models::load()?.validate("Conversation", &json)`.

#![allow(dead_code)]

use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::PathBuf;

/// One field of a model: its type expression and optional enum values.
#[derive(Debug, Clone)]
pub struct Field {
    pub ty: String,
    pub enum_values: Option<Vec<String>>,
}

/// All models of the reference files, by name.
#[derive(Debug, Clone)]
pub struct Models {
    models: HashMap<String, HashMap<String, Field>>,
}

/// Models the reference files mention but do not define, with the fields the SDK gives them.
/// (`DomainEntityRef` is `{id, name, selfUri}` in every Genesys SDK.)
const MISSING_MODELS: &[(&str, &[&str])] = &[("DomainEntityRef", &["id", "name", "selfUri"])];

/// The repository's `reference/` folder (the vendored SDK model extracts), found from this crate's
/// manifest dir, so the tests read nothing outside the repository.
#[must_use]
pub fn reference_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../reference")
}

impl Models {
    /// Load `conversations-api-models.json`, `analytics-api-models.json` and
    /// `notifications-api-models.json`.
    ///
    /// # Errors
    /// When a file is missing or not the expected JSON shape.
    pub fn load() -> Result<Self, String> {
        let mut models = HashMap::new();
        for file in [
            "conversations-api-models.json",
            "analytics-api-models.json",
            "notifications-api-models.json",
        ] {
            let path = reference_dir().join(file);
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let json: Value =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            let Value::Object(all) = json else {
                return Err(format!("{}: not an object", path.display()));
            };
            for (name, fields) in all {
                let Value::Object(fields) = fields else {
                    return Err(format!("{name}: not an object"));
                };
                let mut out = HashMap::new();
                for (field, spec) in fields {
                    let ty = spec
                        .get("type")
                        .and_then(Value::as_str)
                        .ok_or(format!("{name}.{field}: no type"))?;
                    let enum_values = spec.get("enum").and_then(Value::as_array).map(|v| {
                        v.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect()
                    });
                    out.insert(
                        field,
                        Field {
                            ty: ty.to_owned(),
                            enum_values,
                        },
                    );
                }
                models.insert(name, out);
            }
        }
        for (name, fields) in MISSING_MODELS {
            let f = fields.iter().map(|f| {
                (
                    (*f).to_owned(),
                    Field {
                        ty: "str".to_owned(),
                        enum_values: None,
                    },
                )
            });
            models
                .entry((*name).to_owned())
                .or_insert_with(|| f.collect());
        }
        Ok(Self { models })
    }

    #[must_use]
    pub fn has(&self, model: &str) -> bool {
        self.models.contains_key(model)
    }

    /// Every problem found in `value` read as `model` (empty = valid).
    #[must_use]
    pub fn validate(&self, model: &str, value: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check_type(model, value, "$", &mut errors);
        errors
    }

    /// Panic with a readable list if `value` is not a valid `model` (for tests).
    pub fn assert_valid(&self, model: &str, value: &Value, context: &str) {
        let errors = self.validate(model, value);
        assert!(
            errors.is_empty(),
            "{context}: {model} does not match the reference models:\n  {}",
            errors.join("\n  ")
        );
    }

    fn check_model(
        &self,
        model: &str,
        obj: &Map<String, Value>,
        path: &str,
        errors: &mut Vec<String>,
    ) {
        let Some(fields) = self.models.get(model) else {
            errors.push(format!(
                "{path}: model {model} is not in the reference files"
            ));
            return;
        };
        for (key, v) in obj {
            let p = format!("{path}.{key}");
            match fields.get(key) {
                None => errors.push(format!("{p}: field not in model {model}")),
                Some(f) => {
                    if let (Some(allowed), Some(s)) = (&f.enum_values, v.as_str())
                        && !allowed.iter().any(|a| a == s)
                    {
                        errors.push(format!(
                            "{p}: {s:?} is not one of {model}.{key}'s enum values {allowed:?}"
                        ));
                    }
                    self.check_type(&f.ty, v, &p, errors);
                }
            }
        }
    }

    fn check_type(&self, ty: &str, v: &Value, path: &str, errors: &mut Vec<String>) {
        let mut bad =
            |want: &str| errors.push(format!("{path}: expected {want}, got {}", short(v)));
        match ty {
            _ if v.is_null() => bad(ty),
            "str" => {
                if !v.is_string() {
                    bad("string");
                }
            }
            "int" => {
                if !(v.is_i64() || v.is_u64()) {
                    bad("integer");
                }
            }
            "float" => {
                if !v.is_number() {
                    bad("number");
                }
            }
            "bool" => {
                if !v.is_boolean() {
                    bad("boolean");
                }
            }
            "datetime" => {
                if !v.as_str().is_some_and(is_wire_datetime) {
                    bad("ISO-8601 UTC datetime with milliseconds (yyyy-MM-ddTHH:mm:ss.SSSZ)");
                }
            }
            "object" => {}
            t if t.starts_with("list[") && t.ends_with(']') => match v.as_array() {
                Some(items) => {
                    let inner = &t[5..t.len() - 1];
                    for (i, item) in items.iter().enumerate() {
                        self.check_type(inner, item, &format!("{path}[{i}]"), errors);
                    }
                }
                None => bad("array"),
            },
            t if t.starts_with("dict(") && t.ends_with(')') => match v.as_object() {
                Some(map) => {
                    let inner = t[5..t.len() - 1]
                        .split(", ")
                        .nth(1)
                        .unwrap_or("object")
                        .to_owned();
                    for (k, item) in map {
                        self.check_type(&inner, item, &format!("{path}.{k}"), errors);
                    }
                }
                None => bad("object"),
            },
            model => match v.as_object() {
                Some(obj) => self.check_model(model, obj, path, errors),
                None => bad(&format!("object ({model})")),
            },
        }
    }
}

/// `2026-05-12T14:02:11.204Z`: exactly the format Genesys writes.
#[must_use]
pub fn is_wire_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 24
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'.'
        && b[23] == b'Z'
        && chrono::DateTime::parse_from_rfc3339(s).is_ok()
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 60 {
        format!("{}…", &s[..60])
    } else {
        s
    }
}

#[cfg(test)]
mod self_test {
    use super::*;
    use serde_json::json;

    #[test]
    fn validator_rejects_what_it_should() {
        let m = Models::load().expect("reference models");
        assert!(
            m.validate(
                "Wrapup",
                &json!({"code": "x", "durationSeconds": 30, "endTime": "2026-05-12T14:07:45.301Z"})
            )
            .is_empty()
        );
        assert_eq!(
            m.validate("Wrapup", &json!({"bogus": 1})).len(),
            1,
            "unknown field"
        );
        assert_eq!(
            m.validate("Wrapup", &json!({"durationSeconds": "30"}))
                .len(),
            1,
            "wrong type"
        );
        assert_eq!(
            m.validate("Wrapup", &json!({"durationSeconds": 1.5})).len(),
            1,
            "float for int"
        );
        assert_eq!(
            m.validate("Wrapup", &json!({"endTime": "2026-05-12T14:07:45Z"}))
                .len(),
            1,
            "no millis"
        );
        assert_eq!(
            m.validate("Wrapup", &json!({"code": null})).len(),
            1,
            "null"
        );
        assert_eq!(
            m.validate("AfterCallWork", &json!({"state": "done"})).len(),
            1,
            "enum"
        );
        assert_eq!(
            m.validate(
                "Participant",
                &json!({"calls": [{"state": "connected", "x": 1}]})
            )
            .len(),
            1,
            "nested"
        );
        assert_eq!(
            m.validate("Participant", &json!({"attributes": {"a": 1}}))
                .len(),
            1,
            "dict values"
        );
    }
}
