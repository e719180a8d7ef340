use yew::prelude::*;

/// One option of a radio group (`name` unique per widget instance), drawn as a large pill (a
/// 44 px target) around a native radio button, so keyboard and screen-reader behaviour stay
/// the browser's own.
pub fn choice(name: AttrValue, label: &'static str, checked: bool, onchoose: Callback<()>) -> Html {
    let onchange = onchoose.reform(|_: Event| ());
    html! {
        <label class={if checked { "hc-choice hc-checked" } else { "hc-choice" }}>
            <input type="radio" {name} value={label} {checked} {onchange} />
            <span>{ label }</span>
        </label>
    }
}
