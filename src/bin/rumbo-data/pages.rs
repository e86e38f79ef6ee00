//! After a publication, the site's pages are made again from the data just published
//! (issue #22): every page of `dist/` carries its content in its HTML, so a changed phone
//! number must reach the entry's page in the same step that publishes it, not at a later
//! build someone may forget.
//!
//! The pages are snapshots of the built app in headless Chromium (`make pages`,
//! `scripts/prerender.mjs`, docs/rendering.md), so this step needs the built app in
//! `dist/` and the tools `scripts/setup.sh --browser` installs. It runs only when the
//! data published is the site's own (`public/data` under the current folder, the
//! repository's root); a data folder elsewhere (a test's, a copy) has no pages.

use std::path::Path;
use std::process::Command;

/// Where the built app is, relative to the repository's root.
const DIST: &str = "dist";
/// The site's data folder, relative to the repository's root.
const SITE_DATA: &str = "public/data";

/// What became of the pages after publishing the data in `dir`.
pub enum Pages {
    /// Made again from the data: `make pages` succeeded.
    Made,
    /// Not the site's data folder: nothing to do.
    NotTheSite,
    /// The app is not built yet: the next build makes the pages.
    NoBuild,
}

/// Makes the site's pages again from `dir` when it is the site's data folder and the app
/// is built. An error is the pages step's: the data itself is published by then.
pub fn remake(dir: &Path) -> Result<Pages, String> {
    let site = Path::new(SITE_DATA);
    let same = match (dir.canonicalize(), site.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if !same {
        return Ok(Pages::NotTheSite);
    }
    if !Path::new(DIST).join("index.html").exists() {
        return Ok(Pages::NoBuild);
    }
    let status = Command::new("make")
        .arg("pages")
        .status()
        .map_err(|e| format!("make pages: {e}"))?;
    if status.success() {
        Ok(Pages::Made)
    } else {
        Err(format!(
            "los datos se publicaron, pero las páginas no se pudieron hacer de nuevo ({status}): \
             corrija lo que dice arriba y ejecute `make pages` antes de publicar dist/ / \
             the data was published but the pages could not be made again: fix what is said \
             above and run `make pages` before publishing dist/"
        ))
    }
}

/// Says what became of the pages, in both languages, as the tool's other messages do.
pub fn report(pages: &Pages) {
    match pages {
        Pages::Made => println!("páginas / pages: dist/ hecho de nuevo con estos datos / made again from this data"),
        Pages::NotTheSite => {}
        Pages::NoBuild => println!(
            "páginas / pages: dist/ no está construido; `make build` las hará con estos datos / \
             dist/ is not built; `make build` will make them from this data"
        ),
    }
}
