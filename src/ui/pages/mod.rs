//! One file per page.

mod about;
mod assessment;
mod directory;
mod entry;
mod home;
mod not_found;
mod settings;
mod welcome;

pub use about::AboutPage;
pub use assessment::AssessmentPage;
pub use directory::{DirectoryPage, DirectorySearch, provide_directory_search};
pub use entry::EntryPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use settings::SettingsPage;
pub use welcome::WelcomePage;
