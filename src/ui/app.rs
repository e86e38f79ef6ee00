//! The root component: language context, router and the routes of the app.

use crate::ui::assessment::provide_assessment;
use crate::ui::data::provide_data;
use crate::ui::data_status::DataStatus;
use crate::ui::favourites::provide_favourites;
use crate::ui::language::provide_language;
use crate::ui::pages::provide_directory_search;
use crate::ui::pages::{AboutPage, AssessmentPage, DirectoryPage, EntryPage, HomePage, NotFoundPage};
use crate::ui::shell::{Footer, Header};
use crate::ui::status::StatusNotices;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The paths of the app's pages. Spanish, like the app's default language; they stay
/// the same whatever the language shown, so shared links work for everyone.
pub mod paths {
    pub const HOME: &str = "/";
    pub const ASSESSMENT: &str = "/opciones";
    pub const DIRECTORY: &str = "/directorio";
    pub const ABOUT: &str = "/acerca-de";
}

#[component]
pub fn App() -> impl IntoView {
    provide_language();
    provide_data();
    provide_favourites();
    provide_assessment();
    provide_directory_search();
    view! {
        <Router>
            <Header />
            <StatusNotices />
            <DataStatus />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/opciones") view=AssessmentPage />
                    <Route path=path!("/directorio") view=DirectoryPage />
                    <Route path=path!("/directorio/:id") view=EntryPage />
                    <Route path=path!("/acerca-de") view=AboutPage />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
