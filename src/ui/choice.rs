use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    /// The radio group's name (unique per widget instance).
    pub name: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub onchoose: Callback<()>,
}

/// One option of a radio group, drawn as a large pill (a 44 px target) around a native radio
/// button, so keyboard and screen-reader behaviour stay the browser's own.
#[function_component(Choice)]
pub fn choice(props: &ChoiceProps) -> Html {
    let onchange = props.onchoose.reform(|_: Event| ());
    html! {
        <label class={classes!("hc-choice", props.checked.then_some("hc-checked"))}>
            <input type="radio" name={props.name.clone()} value={props.label.clone()} checked={props.checked} {onchange} />
            <span>{ props.label.clone() }</span>
        </label>
    }
}
