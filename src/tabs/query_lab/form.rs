//! Form controls bound to `QueryForm`. Every keystroke is kept; errors show next to the field.

use lens::query_lab::builder::{FormError, PredicateRow, QueryForm};
use lens::query_lab::interval;
use lens::query_lab::levels::{self, Level, Subject};
use leptos::prelude::*;
use model::analytics::{NumericRange, Operator, Order, OrderBy};

#[component]
pub fn FormControls(form: RwSignal<QueryForm>, touched: RwSignal<bool>) -> impl IntoView {
    let interval_error = Memo::new(move |_| {
        form.with(|f| interval::parse(&f.interval).err().map(|e| e.to_string()))
    });
    let paging_error = RwSignal::new(None::<String>);
    let set_paging = move |size: Option<i64>, number: Option<i64>| {
        let (s, n) =
            form.with_untracked(|f| (size.unwrap_or(f.page_size), number.unwrap_or(f.page_number)));
        let r = form.try_update(|f| f.set_paging(s, n)).unwrap_or(Ok(()));
        paging_error.set(r.err().map(|e: FormError| e.to_string()));
    };
    view! {
        <section class="lab-form" aria-labelledby="lab-form-title">
            <h3 id="lab-form-title" class="section-title">"Query"</h3>
            <label class="field">
                <span>"Interval"</span>
                <input type="text" class="mono" data-testid="interval-input" spellcheck="false"
                    prop:value=move || form.with(|f| f.interval.clone())
                    on:input:target=move |ev| {
                        touched.set(true);
                        let text = ev.target().value();
                        form.update(|f| { let _ = f.set_interval(&text); });
                    }/>
            </label>
            {move || interval_error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="interval-error">{e}</p> })}
            <div class="field-row">
                <button type="button" class="btn btn-small" data-testid="end-minute-ago" on:click=move |_| {
                    let now = chrono::Utc::now();
                    form.update(|f| {
                        if let Ok(iv) = interval::parse(&f.interval)
                            && let Ok(cut) = lens::query_lab::paging::end_a_minute_ago(&iv, now)
                        {
                            f.interval = cut.to_wire();
                        }
                    });
                    touched.set(true);
                }>"End the interval a minute ago"</button>
                <label class="check">
                    <input type="checkbox" data-testid="require-end"
                        prop:checked=move || form.with(QueryForm::requires_conversation_end)
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            form.update(|f| f.set_require_conversation_end(on));
                        }/>
                    " Require conversationEnd (exclude conversations in progress)"
                </label>
            </div>
            <label class="field">
                <span>"conversationFilters: conversationId matches"</span>
                <input type="text" class="mono" data-testid="conversation-id-input" spellcheck="false"
                    prop:value=move || form.with(|f| f.conversation_id.clone())
                    on:input:target=move |ev| { let v = ev.target().value(); form.update(|f| f.conversation_id = v); }/>
            </label>
            <fieldset class="predicates">
                <legend>"More predicates"</legend>
                <datalist id="lab-dimension-names">
                    {levels::known_names(Level::Conversation, Subject::Dimension).iter()
                        .chain(levels::known_names(Level::Segment, Subject::Dimension))
                        .chain(levels::known_names(Level::Conversation, Subject::Metric))
                        .chain(levels::known_names(Level::Segment, Subject::Metric))
                        .map(|n| view! { <option value=*n/> }).collect_view()}
                </datalist>
                {move || (0..form.with(|f| f.predicates.len())).map(|i| view! { <PredicateEditor form i/> }).collect_view()}
                <button type="button" class="btn btn-small" data-testid="add-predicate" on:click=move |_| {
                    form.update(|f| { f.add_predicate(PredicateRow::dimension(Level::Segment, "mediaType", "voice")); });
                }>"Add predicate"</button>
            </fieldset>
            <div class="field-row">
                <label class="field field-small">
                    <span>"pageSize"</span>
                    <input type="number" min="1" data-testid="page-size"
                        prop:value=move || form.with(|f| f.page_size.to_string())
                        on:change:target=move |ev| set_paging(Some(ev.target().value().trim().parse().unwrap_or(0)), None)/>
                </label>
                <label class="field field-small">
                    <span>"pageNumber"</span>
                    <input type="number" min="1" data-testid="page-number"
                        prop:value=move || form.with(|f| f.page_number.to_string())
                        on:change:target=move |ev| set_paging(None, Some(ev.target().value().trim().parse().unwrap_or(0)))/>
                </label>
                <label class="field field-small">
                    <span>"order"</span>
                    <select data-testid="order" on:change:target=move |ev| {
                        let v = ev.target().value();
                        form.update(|f| f.order = (!v.is_empty()).then(|| Order::from_wire(&v)));
                    }>
                        <option value="" selected=move || form.with(|f| f.order.is_none())>"(default)"</option>
                        {Order::KNOWN.iter().map(|o| {
                            let o = *o;
                            view! { <option value=o selected=move || form.with(|f| f.order.as_ref().is_some_and(|x| x.as_str() == o))>{o}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field field-small">
                    <span>"orderBy"</span>
                    <select data-testid="order-by" on:change:target=move |ev| {
                        let v = ev.target().value();
                        form.update(|f| f.order_by = (!v.is_empty()).then(|| OrderBy::from_wire(&v)));
                    }>
                        <option value="" selected=move || form.with(|f| f.order_by.is_none())>"(default)"</option>
                        {OrderBy::KNOWN.iter().map(|o| {
                            let o = *o;
                            view! { <option value=o selected=move || form.with(|f| f.order_by.as_ref().is_some_and(|x| x.as_str() == o))>{o}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            {move || paging_error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        </section>
    }
}

/// One predicate row: level, dimension/metric, name, operator, value.
#[component]
fn PredicateEditor(form: RwSignal<QueryForm>, i: usize) -> impl IntoView {
    let row = move || form.with(|f| f.predicates.get(i).cloned());
    let edit = move |change: Box<dyn FnOnce(&mut PredicateRow)>| {
        form.update(|f| {
            if let Ok(r) = f.predicate_mut(i) {
                change(r);
            }
        });
    };
    view! {
        <div class="predicate-row" data-testid="predicate-row">
            <select aria-label="Level" data-testid="predicate-level" on:change:target=move |ev| {
                let level = if ev.target().value() == "conversation" { Level::Conversation } else { Level::Segment };
                edit(Box::new(move |r| r.level = level));
            }>
                <option value="conversation" selected=move || row().is_some_and(|r| r.level == Level::Conversation)>"conversationFilters"</option>
                <option value="segment" selected=move || row().is_some_and(|r| r.level == Level::Segment)>"segmentFilters"</option>
            </select>
            <select aria-label="Kind" on:change:target=move |ev| {
                let subject = if ev.target().value() == "metric" { Subject::Metric } else { Subject::Dimension };
                edit(Box::new(move |r| r.subject = subject));
            }>
                <option value="dimension" selected=move || row().is_some_and(|r| r.subject == Subject::Dimension)>"dimension"</option>
                <option value="metric" selected=move || row().is_some_and(|r| r.subject == Subject::Metric)>"metric"</option>
            </select>
            <input type="text" class="mono" aria-label="Name" list="lab-dimension-names" data-testid="predicate-name" spellcheck="false"
                prop:value=move || row().map(|r| r.name).unwrap_or_default()
                on:input:target=move |ev| { let v = ev.target().value(); edit(Box::new(move |r| r.name = v)); }/>
            <select aria-label="Operator" data-testid="predicate-operator" on:change:target=move |ev| {
                let op = Operator::from_wire(&ev.target().value());
                edit(Box::new(move |r| r.operator = op));
            }>
                {Operator::KNOWN.iter().map(|o| {
                    let o = *o;
                    view! { <option value=o selected=move || row().is_some_and(|r| r.operator.as_str() == o)>{o}</option> }
                }).collect_view()}
            </select>
            // `exists` / `notExists` take no right-hand side: no inputs for one.
            <Show when=move || row().is_some_and(|r| r.operator == Operator::Matches)>
                <input type="text" class="mono" aria-label="Value" data-testid="predicate-value" spellcheck="false"
                    prop:value=move || row().map(|r| r.value).unwrap_or_default()
                    on:input:target=move |ev| { let v = ev.target().value(); edit(Box::new(move |r| r.value = v)); }/>
                <input type="number" aria-label="Metric at least (gte)" placeholder="gte"
                    prop:value=move || row().and_then(|r| r.range.and_then(|x| x.gte)).map(|v| v.to_string()).unwrap_or_default()
                    on:change:target=move |ev| {
                        let gte = ev.target().value().trim().parse::<f64>().ok().filter(|v| v.is_finite());
                        edit(Box::new(move |r| r.range = gte.map(|g| NumericRange { gte: Some(g), ..NumericRange::default() })));
                    }/>
            </Show>
            <button type="button" class="btn btn-small" aria-label="Remove predicate" on:click=move |_| {
                form.update(|f| { let _ = f.remove_predicate(i); });
            }>"✕"</button>
        </div>
    }
}
