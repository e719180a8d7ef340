//! One `<li>` per text. Every bulleted list in the widget goes through this one function, so
//! the list-building code is compiled once rather than once per list (each `{ for … }` in
//! `html!` is its own copy).

use yew::prelude::*;

pub fn list_items(texts: &mut dyn Iterator<Item = &'static str>) -> Html {
    let mut items = Vec::new();
    for text in texts {
        items.push(html! { <li>{ text }</li> });
    }
    Html::from_iter(items)
}
