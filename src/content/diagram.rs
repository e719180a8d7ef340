//! The body diagram: `content/diagram/{front,back,side}.svg`, drawn in a 320 × 400 box. Each
//! file is a plain SVG an editor can open; the build reads only its `<path>` elements:
//!
//! - `class="body|bone|fold|mark"`: the drawing (outline, bony landmarks under the skin, skin
//!   folds, small filled marks such as the navel); `data-mirror="yes"` adds the mirror image;
//! - `data-region="<id>"`: a tap target, a polygon drawn on the left half of the picture (front
//!   view: the person's right; back view: their left; side view: the right side, facing right),
//!   shipped as the smooth curve through its corners and mirrored for the other side;
//! - `data-thumb="leg"` (front view only): the leg the side view's thumbnail highlights.
//!
//! Path data is absolute `M`, `L`, `C`, `Q` and `Z` with whole numbers: short to ship, easy to
//! mirror, and flattened into polygons for the geometry checks (`tests/rust/diagram.rs`).

use std::fmt::Write as _;

use crate::content::error::ContentError;

/// The viewBox is 0 0 WIDTH HEIGHT.
pub const WIDTH: i32 = 320;
pub const HEIGHT: i32 = 400;
/// The thumbnail of the front view in the side view: its scale (in quarters), and where it
/// sits for the right side (top left, behind the person; mirrored for the left side).
const THUMB_QUARTERS: i32 = 1;
const THUMB_AT: (i32, i32) = (6, 44);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    Move(i32, i32),
    Line(i32, i32),
    Quad(i32, i32, i32, i32),
    Cubic(i32, i32, i32, i32, i32, i32),
    Close,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathData(pub Vec<Segment>);

impl PathData {
    pub fn parse(d: &str) -> Result<PathData, String> {
        let mut tokens = Tokens::new(d);
        let mut segments = Vec::new();
        while let Some(command) = tokens.command()? {
            let mut n = |count: usize| tokens.numbers(count);
            segments.push(match command {
                'M' => {
                    let p = n(2)?;
                    Segment::Move(p[0], p[1])
                }
                'L' => {
                    let p = n(2)?;
                    Segment::Line(p[0], p[1])
                }
                'Q' => {
                    let p = n(4)?;
                    Segment::Quad(p[0], p[1], p[2], p[3])
                }
                'C' => {
                    let p = n(6)?;
                    Segment::Cubic(p[0], p[1], p[2], p[3], p[4], p[5])
                }
                'Z' => Segment::Close,
                other => {
                    return Err(format!(
                        "'{other}': only absolute M, L, Q, C and Z are used in the diagram"
                    ))
                }
            });
        }
        if !matches!(segments.first(), Some(Segment::Move(..))) {
            return Err("path data must start with M".into());
        }
        Ok(PathData(segments))
    }

    /// Every point through `f`.
    fn map(&self, f: impl Fn(i32, i32) -> (i32, i32)) -> PathData {
        PathData(
            self.0
                .iter()
                .map(|s| match *s {
                    Segment::Move(x, y) => {
                        let (x, y) = f(x, y);
                        Segment::Move(x, y)
                    }
                    Segment::Line(x, y) => {
                        let (x, y) = f(x, y);
                        Segment::Line(x, y)
                    }
                    Segment::Quad(x1, y1, x, y) => {
                        let ((x1, y1), (x, y)) = (f(x1, y1), f(x, y));
                        Segment::Quad(x1, y1, x, y)
                    }
                    Segment::Cubic(x1, y1, x2, y2, x, y) => {
                        let ((x1, y1), (x2, y2), (x, y)) = (f(x1, y1), f(x2, y2), f(x, y));
                        Segment::Cubic(x1, y1, x2, y2, x, y)
                    }
                    Segment::Close => Segment::Close,
                })
                .collect(),
        )
    }

    /// A polygon (`M`, `L`…, `Z`) as the smooth closed curve through its corners (a
    /// Catmull-Rom spline as cubic Béziers), so targets are drawn as soft shapes from a few
    /// points an editor can place. Other paths are returned as they are.
    pub fn smoothed(&self) -> PathData {
        let corners: Vec<(i32, i32)> = self
            .0
            .iter()
            .filter_map(|s| match *s {
                Segment::Move(x, y) | Segment::Line(x, y) => Some((x, y)),
                _ => None,
            })
            .collect();
        let polygon = self.0.len() == corners.len() + 1 && self.0.last() == Some(&Segment::Close);
        if !polygon || corners.len() < 3 {
            return self.clone();
        }
        let n = corners.len();
        let at = |i: usize| corners[i % n];
        let sixth = |a: i32, b: i32| ((f64::from(a) - f64::from(b)) / 6.0).round() as i32;
        let mut segments = vec![Segment::Move(corners[0].0, corners[0].1)];
        for i in 0..n {
            let (p0, p1, p2, p3) = (at(i + n - 1), at(i), at(i + 1), at(i + 2));
            segments.push(Segment::Cubic(
                p1.0 + sixth(p2.0, p0.0),
                p1.1 + sixth(p2.1, p0.1),
                p2.0 - sixth(p3.0, p1.0),
                p2.1 - sixth(p3.1, p1.1),
                p2.0,
                p2.1,
            ));
        }
        segments.push(Segment::Close);
        PathData(segments)
    }

    pub fn mirrored(&self) -> PathData {
        self.map(|x, y| (WIDTH - x, y))
    }

    /// The outline as polygons (one per subpath), curves flattened into short lines.
    pub fn polygons(&self) -> Vec<Vec<(f64, f64)>> {
        const STEPS: usize = 12;
        let mut polygons: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut at = (0.0, 0.0);
        let point = |x: i32, y: i32| (f64::from(x), f64::from(y));
        for segment in &self.0 {
            match *segment {
                Segment::Move(x, y) => {
                    at = point(x, y);
                    polygons.push(vec![at]);
                }
                Segment::Line(x, y) => at = point(x, y),
                Segment::Quad(x1, y1, x, y) => {
                    let (c, end) = (point(x1, y1), point(x, y));
                    let start = at;
                    for i in 1..STEPS {
                        let t = i as f64 / STEPS as f64;
                        let u = 1.0 - t;
                        let p = (
                            u * u * start.0 + 2.0 * u * t * c.0 + t * t * end.0,
                            u * u * start.1 + 2.0 * u * t * c.1 + t * t * end.1,
                        );
                        if let Some(polygon) = polygons.last_mut() {
                            polygon.push(p);
                        }
                    }
                    at = end;
                }
                Segment::Cubic(x1, y1, x2, y2, x, y) => {
                    let (c1, c2, end) = (point(x1, y1), point(x2, y2), point(x, y));
                    let start = at;
                    for i in 1..STEPS {
                        let t = i as f64 / STEPS as f64;
                        let u = 1.0 - t;
                        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                        let p = (
                            a * start.0 + b * c1.0 + c * c2.0 + d * end.0,
                            a * start.1 + b * c1.1 + c * c2.1 + d * end.1,
                        );
                        if let Some(polygon) = polygons.last_mut() {
                            polygon.push(p);
                        }
                    }
                    at = end;
                }
                Segment::Close => continue,
            }
            if !matches!(segment, Segment::Move(..)) {
                if let Some(polygon) = polygons.last_mut() {
                    polygon.push(at);
                }
            }
        }
        polygons
    }

    /// Whether a point is inside (even-odd over every subpath).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        let mut inside = false;
        for polygon in self.polygons() {
            let mut j = polygon.len().saturating_sub(1);
            for i in 0..polygon.len() {
                let (a, b) = (polygon[i], polygon[j]);
                if (a.1 > y) != (b.1 > y) && x < (b.0 - a.0) * (y - a.1) / (b.1 - a.1) + a.0 {
                    inside = !inside;
                }
                j = i;
            }
        }
        inside
    }

    /// The middle of the bounding box, in whole units.
    pub fn centre(&self) -> (i32, i32) {
        let (l, t, r, b) = self.bounds();
        (
            ((l + r) / 2.0).round() as i32,
            ((t + b) / 2.0).round() as i32,
        )
    }

    /// The bounding box of the flattened outline: (left, top, right, bottom).
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        self.polygons().iter().flatten().fold(
            (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
            |(l, t, r, b), &(x, y)| (l.min(x), t.min(y), r.max(x), b.max(y)),
        )
    }
}

impl std::fmt::Display for PathData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for segment in &self.0 {
            match *segment {
                Segment::Move(x, y) => write!(f, "M{x} {y}")?,
                Segment::Line(x, y) => write!(f, "L{x} {y}")?,
                Segment::Quad(x1, y1, x, y) => write!(f, "Q{x1} {y1} {x} {y}")?,
                Segment::Cubic(x1, y1, x2, y2, x, y) => write!(f, "C{x1} {y1} {x2} {y2} {x} {y}")?,
                Segment::Close => f.write_str("Z")?,
            }
        }
        Ok(())
    }
}

struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    fn new(d: &'a str) -> Self {
        Tokens { rest: d }
    }

    fn skip_separators(&mut self) {
        self.rest = self
            .rest
            .trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
    }

    fn command(&mut self) -> Result<Option<char>, String> {
        self.skip_separators();
        let Some(c) = self.rest.chars().next() else {
            return Ok(None);
        };
        if !c.is_ascii_alphabetic() {
            return Err(format!("expected a command at '{}'", self.rest));
        }
        self.rest = &self.rest[1..];
        Ok(Some(c))
    }

    fn numbers(&mut self, count: usize) -> Result<Vec<i32>, String> {
        (0..count)
            .map(|_| {
                self.skip_separators();
                let end = self
                    .rest
                    .char_indices()
                    .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && c == '-')))
                    .map_or(self.rest.len(), |(i, _)| i);
                let (number, rest) = self.rest.split_at(end);
                self.rest = rest;
                number
                    .parse()
                    .map_err(|_| format!("expected a whole number at '{number}{rest}'"))
            })
            .collect()
    }
}

/// One `<path>` of a diagram file.
#[derive(Debug, Clone)]
pub struct SvgPath {
    pub class: Option<String>,
    pub region: Option<String>,
    pub thumb: bool,
    pub mirror: bool,
    pub d: PathData,
}

/// A diagram file's paths, in document order.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub file: String,
    pub paths: Vec<SvgPath>,
}

/// The decoration classes and the one-letter codes they ship as.
pub const CLASSES: [(&str, char); 4] = [("body", 'b'), ("bone", 'o'), ("fold", 'f'), ("mark", 'm')];

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

impl Sheet {
    pub fn parse(file: &str, text: &str) -> Result<Sheet, ContentError> {
        let mut paths = Vec::new();
        for (index, chunk) in text.split("<path").skip(1).enumerate() {
            let tag = chunk.split('>').next().unwrap_or_default();
            let region = attribute(tag, "data-region").map(str::to_string);
            let entry = region
                .clone()
                .unwrap_or_else(|| format!("path {}", index + 1));
            let fail = |field: &str, message: String| ContentError::Invalid {
                file: file.to_string(),
                entry: entry.clone(),
                field: field.to_string(),
                message,
            };
            let d = attribute(tag, "d").ok_or_else(|| fail("d", "missing".into()))?;
            let d = PathData::parse(d).map_err(|m| fail("d", m))?;
            let class = attribute(tag, "class").map(str::to_string);
            let thumb = attribute(tag, "data-thumb").is_some();
            match (&class, &region, thumb) {
                (Some(c), None, false) if CLASSES.iter().any(|(name, _)| name == c) => {}
                (None, Some(_), false) | (None, None, true) => {}
                _ => {
                    return Err(fail(
                        "class",
                        "each path is a drawing (class body, bone, fold or mark), a target \
                         (data-region) or the thumbnail's leg (data-thumb)"
                            .into(),
                    ))
                }
            }
            paths.push(SvgPath {
                class,
                region,
                thumb,
                mirror: attribute(tag, "data-mirror") == Some("yes"),
                d,
            });
        }
        Ok(Sheet {
            file: file.to_string(),
            paths,
        })
    }

    pub fn targets(&self) -> impl Iterator<Item = (&str, &PathData)> {
        self.paths
            .iter()
            .filter_map(|p| Some((p.region.as_deref()?, &p.d)))
    }
}

/// The three files of `content/diagram/`.
#[derive(Debug, Clone)]
pub struct Diagram {
    pub front: Sheet,
    pub back: Sheet,
    pub side: Sheet,
}

/// A tap target as shipped: the region, the side, its outline, and where its name is shown.
#[derive(Debug, Clone)]
pub struct Target {
    pub region: String,
    pub left: bool,
    pub d: PathData,
    /// The baseline of its name.
    pub label: i32,
}

/// One picture as shipped: the drawing (`code:d` fields joined by `|`) and its targets in
/// keyboard order, top to bottom and then left to right.
#[derive(Debug, Clone)]
pub struct Picture {
    pub drawing: String,
    pub targets: Vec<Target>,
}

fn drawing_of(paths: &[SvgPath], mirror_all: bool, extra: &[(char, PathData)]) -> String {
    let mut fields = Vec::new();
    for path in paths {
        let Some(code) = path
            .class
            .as_deref()
            .and_then(|c| CLASSES.iter().find(|(name, _)| *name == c))
            .map(|(_, code)| *code)
        else {
            continue;
        };
        let d = if mirror_all {
            path.d.mirrored()
        } else {
            path.d.clone()
        };
        let mut field = format!("{code}:{d}");
        if path.mirror {
            let _ = write!(field, "{}", d.mirrored());
        }
        fields.push(field);
    }
    fields.extend(extra.iter().map(|(code, d)| format!("{code}:{d}")));
    fields.join("|")
}

/// A name is shown centred across the picture (the longest fits), just above its target, or
/// below it near the top of the picture: the line of the name's baseline.
fn label_at(d: &PathData) -> i32 {
    let (_, top, _, bottom) = d.bounds();
    (if top < 40.0 { bottom + 16.0 } else { top - 6.0 }).round() as i32
}

fn targets_of(sheet: &Sheet, sides: &[(bool, bool)]) -> Vec<Target> {
    let mut targets: Vec<Target> = sheet
        .targets()
        .flat_map(|(region, d)| {
            let d = d.smoothed();
            sides.iter().map(move |&(left, mirror)| {
                let d = if mirror { d.mirrored() } else { d.clone() };
                Target {
                    region: region.to_string(),
                    left,
                    label: label_at(&d),
                    d,
                }
            })
        })
        .collect();
    targets.sort_by(|a, b| {
        let (al, at, ..) = a.d.bounds();
        let (bl, bt, ..) = b.d.bounds();
        at.total_cmp(&bt).then(al.total_cmp(&bl))
    });
    targets
}

impl Diagram {
    /// Front, back, side (right), side (left).
    pub fn pictures(&self) -> [Picture; 4] {
        // Front: we face the person, so the left half of the picture is their right side.
        let front = Picture {
            drawing: drawing_of(&self.front.paths, false, &[]),
            targets: targets_of(&self.front, &[(false, false), (true, true)]),
        };
        let back = Picture {
            drawing: drawing_of(&self.back.paths, false, &[]),
            targets: targets_of(&self.back, &[(true, false), (false, true)]),
        };
        // The side view's thumbnail: the front view's outline, small, with the leg shown.
        let thumb = |mirror: bool| -> Vec<(char, PathData)> {
            let left = if mirror {
                WIDTH - THUMB_AT.0 - WIDTH * THUMB_QUARTERS / 4
            } else {
                THUMB_AT.0
            };
            let small = |d: &PathData| {
                d.map(|x, y| {
                    (
                        left + x * THUMB_QUARTERS / 4,
                        THUMB_AT.1 + y * THUMB_QUARTERS / 4,
                    )
                })
            };
            let leg = self.front.paths.iter().filter(|p| p.thumb);
            let body = self
                .front
                .paths
                .iter()
                .filter(|p| p.class.as_deref() == Some("body"));
            body.map(|p| ('t', small(&p.d)))
                .chain(leg.map(|p| {
                    (
                        'l',
                        small(&if mirror { p.d.mirrored() } else { p.d.clone() }),
                    )
                }))
                .collect()
        };
        let side = |left: bool| Picture {
            drawing: drawing_of(&self.side.paths, left, &thumb(left)),
            targets: targets_of(&self.side, &[(left, left)]),
        };
        [front, back, side(false), side(true)]
    }
}

pub fn load(dir: &std::path::Path) -> Result<Diagram, ContentError> {
    let sheet = |name: &str| {
        let text = crate::content::read_text(&dir.join(name))?;
        Sheet::parse(&format!("diagram/{name}"), &text)
    };
    Ok(Diagram {
        front: sheet("front.svg")?,
        back: sheet("back.svg")?,
        side: sheet("side.svg")?,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn path_data_round_trips_and_mirrors() {
        let d = PathData::parse("M10 20 L30,40 Q50 60 70 80 C1 2 3 4 5 6 Z").unwrap();
        assert_eq!(d.to_string(), "M10 20L30 40Q50 60 70 80C1 2 3 4 5 6Z");
        assert_eq!(
            d.mirrored().to_string(),
            "M310 20L290 40Q270 60 250 80C319 2 317 4 315 6Z"
        );
        assert!(
            PathData::parse("m10 20").is_err(),
            "relative commands are refused"
        );
        assert!(PathData::parse("M10.5 20").is_err(), "whole numbers only");
    }

    #[test]
    fn a_square_contains_its_centre_and_not_its_outside() {
        let square = PathData::parse("M0 0L10 0L10 10L0 10Z").unwrap();
        assert!(square.contains(5.0, 5.0));
        assert!(!square.contains(15.0, 5.0));
        assert_eq!(square.bounds(), (0.0, 0.0, 10.0, 10.0));
    }
}
