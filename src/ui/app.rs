//! The root component: language context, router and the routes of the app (their paths
//! are in `ui::paths`).

use crate::ui::assessment::provide_assessment;
use crate::ui::data::provide_data;
use crate::ui::data_status::DataStatus;
use crate::ui::device::provide_device;
use crate::ui::favourites::provide_favourites;
use crate::ui::language::provide_language;
use crate::ui::pages::provide_directory_search;
use crate::ui::pages::{AboutPage, AssessmentPage, DirectoryPage, EntryPage, HomePage, NotFoundPage, SettingsPage};
use crate::ui::paths::segment;
use crate::ui::shared_device::SharedDevice;
use crate::ui::shell::{Footer, Header};
use crate::ui::status::StatusNotices;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, StaticSegment};

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
                    <Route path=() view=HomePage />
                    // Each flow's page (`paths::FLOWS`), the same views for every flow.
                    <Route path=StaticSegment(segment::ASSESSMENT) view=|| view! { <AssessmentPage flow=segment::ASSESSMENT /> } />
                    <Route path=StaticSegment(segment::OFFER) view=|| view! { <AssessmentPage flow=segment::OFFER /> } />
                    <Route path=StaticSegment(segment::DIRECTORY) view=DirectoryPage />
                    <Route path=(StaticSegment(segment::DIRECTORY), ParamSegment("id")) view=EntryPage />
                    <Route path=StaticSegment(segment::ABOUT) view=AboutPage />
                    <Route path=StaticSegment(segment::SETTINGS) view=SettingsPage />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
