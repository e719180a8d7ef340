use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    html! {
        <main class="hc-app" aria-labelledby="hc-title">
            <h1 id="hc-title">{ "HipCheck" }</h1>
            <p class="hc-lead">
                { "A two-minute self-check for runners with hip pain. It is not a diagnosis, and nothing you enter leaves this device." }
            </p>
        </main>
    }
}
