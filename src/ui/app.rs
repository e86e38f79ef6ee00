//! The root component: language context, router and the routes of the app.

use crate::ui::assessment::provide_assessment;
use crate::ui::data::provide_data;
use crate::ui::data_status::DataStatus;
use crate::ui::device::provide_device;
use crate::ui::favourites::provide_favourites;
use crate::ui::language::provide_language;
use crate::ui::pages::provide_directory_search;
use crate::ui::pages::{AboutPage, AssessmentPage, DirectoryPage, EntryPage, HomePage, NotFoundPage, SettingsPage};
use crate::ui::shared_device::SharedDevice;
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
    /// Staff only: kiosk and outreach modes, PIN, tallies. Linked from nowhere.
    pub const SETTINGS: &str = "/ajustes";
}

#[component]
pub fn App() -> impl IntoView {
    let mode = provide_device();
    provide_language(!mode.is_shared());
    provide_data();
    provide_favourites(mode.keeps_favourites());
    provide_assessment(!mode.is_shared());
    provide_directory_search();
    view! {
        <Router>
            <SharedDevice />
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
                    <Route path=path!("/ajustes") view=SettingsPage />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
