//! The body diagram's geometry (`content/diagram/*.svg`, as shipped): every region has a target
//! on each side in its own view, targets lie on the body and do not overlap, each is big enough
//! to tap (WCAG 2.5.8), and the keyboard meets them top to bottom.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use hipcheck::content::diagram::{self, PathData, Picture, HEIGHT, WIDTH};
use hipcheck::content::load_dir;
use hipcheck::kb::View;

/// At 320 CSS px of window the diagram is drawn 296 px wide (measured in Chromium: the page's
/// padding takes the rest), so one unit is 0.925 px and 24 px is 26 units.
const MIN_SIDE_UNITS: f64 = 26.0;

fn pictures() -> [Picture; 4] {
    diagram::load(Path::new("content/diagram"))
        .unwrap()
        .pictures()
}

const NAMES: [&str; 4] = ["front", "back", "side (right)", "side (left)"];

fn body(picture: &Picture) -> PathData {
    let field = picture
        .drawing
        .split('|')
        .find_map(|f| f.strip_prefix("b:"))
        .expect("every picture draws the body");
    PathData::parse(field).unwrap()
}

/// The largest axis-aligned square (to the unit) that fits inside the shape.
fn largest_square(shape: &PathData) -> f64 {
    let (l, t, r, b) = shape.bounds();
    let inside = |x: f64, y: f64, side: f64| {
        let steps = 8;
        (0..=steps).all(|i| {
            let d = side * f64::from(i) / f64::from(steps);
            shape.contains(x + d, y)
                && shape.contains(x + d, y + side)
                && shape.contains(x, y + d)
                && shape.contains(x + side, y + d)
        })
    };
    let mut best: f64 = 0.0;
    let mut y = t;
    while y < b {
        let mut x = l;
        while x < r {
            while inside(x, y, best + 1.0) {
                best += 1.0;
            }
            x += 1.0;
        }
        y += 1.0;
    }
    best
}

#[test]
fn every_region_has_a_target_on_each_side_in_its_own_view() {
    let content = load_dir(Path::new("content")).unwrap();
    let pictures = pictures();
    for region in &content.regions {
        let in_view: &[usize] = match region.view {
            View::Front => &[0],
            View::Back => &[1],
            View::Side => &[2, 3],
        };
        for (i, picture) in pictures.iter().enumerate() {
            let sides: Vec<bool> = picture
                .targets
                .iter()
                .filter(|t| t.region == region.id)
                .map(|t| t.left)
                .collect();
            let expected: &[bool] = match (in_view.contains(&i), i) {
                (false, _) => &[],
                (true, 2) => &[false],
                (true, 3) => &[true],
                (true, _) => &[false, true],
            };
            let mut sorted = sides.clone();
            sorted.sort();
            assert_eq!(
                sorted, expected,
                "{} in the {} picture",
                region.id, NAMES[i]
            );
        }
    }
}

#[test]
fn targets_lie_on_the_body_and_inside_the_picture() {
    for (picture, name) in pictures().iter().zip(NAMES) {
        let body = body(picture);
        for t in &picture.targets {
            let (l, top, r, b) = t.d.bounds();
            assert!(
                l >= 0.0 && top >= 0.0 && r <= f64::from(WIDTH) && b <= f64::from(HEIGHT),
                "{} {} in the {name} picture leaves the picture",
                t.region,
                t.left
            );
            for polygon in t.d.polygons() {
                for (x, y) in polygon {
                    assert!(
                        body.contains(x, y),
                        "{} (left: {}) in the {name} picture: ({x:.0}, {y:.0}) is off the body",
                        t.region,
                        t.left
                    );
                }
            }
        }
    }
}

#[test]
fn targets_do_not_overlap() {
    for (picture, name) in pictures().iter().zip(NAMES) {
        for (i, a) in picture.targets.iter().enumerate() {
            for b in &picture.targets[i + 1..] {
                let (al, at, ar, ab) = a.d.bounds();
                let (bl, bt, br, bb) = b.d.bounds();
                let (l, t, r, bottom) = (al.max(bl), at.max(bt), ar.min(br), ab.min(bb));
                let mut y = t;
                while y <= bottom {
                    let mut x = l;
                    while x <= r {
                        assert!(
                            !(a.d.contains(x, y) && b.d.contains(x, y)),
                            "{} (left: {}) and {} (left: {}) overlap at ({x}, {y}) in the {name} picture",
                            a.region,
                            a.left,
                            b.region,
                            b.left
                        );
                        x += 0.5;
                    }
                    y += 0.5;
                }
            }
        }
    }
}

#[test]
fn every_target_fits_a_24_px_square_at_320_px() {
    let mut small = Vec::new();
    for (picture, name) in pictures().iter().zip(NAMES) {
        for t in picture
            .targets
            .iter()
            .filter(|t| !t.left || name == "side (left)")
        {
            let side = largest_square(&t.d);
            if side < MIN_SIDE_UNITS {
                small.push(format!("{} in the {name} picture: {side} units", t.region));
            }
        }
    }
    assert!(small.is_empty(), "too small to tap: {small:#?}");
}

#[test]
fn the_keyboard_meets_targets_top_to_bottom() {
    for (picture, name) in pictures().iter().zip(NAMES) {
        let tops: Vec<f64> = picture.targets.iter().map(|t| t.d.bounds().1).collect();
        assert!(
            tops.windows(2).all(|w| w[0] <= w[1]),
            "{name}: targets out of order: {tops:?}"
        );
    }
}

/// The checks above can fail: two targets drawn over each other are caught.
#[test]
fn an_overlap_would_be_caught() {
    let a = PathData::parse("M0 0L40 0L40 40L0 40Z").unwrap();
    let b = PathData::parse("M30 30L60 30L60 60L30 60Z").unwrap();
    assert!(a.contains(35.0, 35.0) && b.contains(35.0, 35.0));
    assert!(largest_square(&a) >= 39.0);
    let thin = PathData::parse("M0 0L100 0L100 20L0 20Z").unwrap();
    assert!(largest_square(&thin) < MIN_SIDE_UNITS);
}
