//! Exercise illustrations, drawn at build time: a stick figure posed from a few joint angles
//! (content/exercises.toml), its prop, and a curved arrow along the path of what moves, written
//! as SVG path data into the after-Start text. The browser only places the paths
//! (`ui::widgets::figure`) and flips between the frames, so no geometry or trigonometry ships
//! in the wasm (docs/architecture.md, "Size trade-offs").
//!
//! The drawing is one line of fields separated by `|`: the viewBox, the floor (none in water),
//! the props that stay put (a chair, a step, water, a tether's anchor…), the arrow, then one
//! field per frame. The frames go from
//! the start pose to the end pose by whole-degree steps of every angle (angles, not points, so
//! limbs keep their length); a still exercise has one. A frame is its paths separated by `;`:
//! the other leg, the trunk and arm, the working (sore) leg, the head, and a prop that moves
//! with the body (a bar, a ball, a band, a tether's line…; empty without one). Coordinates are
//! whole units.

use crate::content::model::{Illustration, Pose, Tether};
use crate::vocabulary::{BodyPoint, Prop};

const TRUNK: f64 = 48.0;
const HEAD_RADIUS: f64 = 9.0;
const THIGH: f64 = 40.0;
const SHIN: f64 = 40.0;
const FOOT: f64 = 11.0;
const UPPER_ARM: f64 = 26.0;
const FOREARM: f64 = 24.0;
const PAD: f64 = 10.0;
/// The smallest viewBox side, so a compact pose is not blown up.
const MIN_SIDE: f64 = 60.0;
/// Frames of a moving exercise, start and end included.
pub const FRAMES: usize = 5;
/// How far (units) a point may be from what carries it and still rest on it.
const CONTACT: f64 = 3.0;
/// Below this (units) nothing moves enough for an arrow.
const STILL: f64 = 8.0;

type Point = (f64, f64);

/// A segment direction: 0° points down, 90° the way the figure faces, 180° up (SVG y grows down).
fn towards(from: Point, angle: f64, length: f64) -> Point {
    let radians = angle.to_radians();
    (
        from.0 + length * radians.sin(),
        from.1 + length * radians.cos(),
    )
}

#[derive(Debug, Clone, Copy)]
struct Joints {
    head: Point,
    neck: Point,
    shoulder: Point,
    elbow: Point,
    wrist: Point,
    pelvis: Point,
    /// Working leg first.
    knees: [Point; 2],
    ankles: [Point; 2],
    toes: [Point; 2],
}

impl Joints {
    fn of(pose: &[f64; 7]) -> Joints {
        let [trunk, work_thigh, work_shin, other_thigh, other_shin, upper_arm, forearm] = *pose;
        let pelvis = (0.0, 0.0);
        let neck = towards(pelvis, trunk, TRUNK);
        let leg = |thigh: f64, shin: f64| {
            let knee = towards(pelvis, thigh, THIGH);
            let ankle = towards(knee, shin, SHIN);
            (knee, ankle, towards(ankle, shin + 90.0, FOOT))
        };
        let (k0, a0, t0) = leg(work_thigh, work_shin);
        let (k1, a1, t1) = leg(other_thigh, other_shin);
        let shoulder = towards(pelvis, trunk, TRUNK - 4.0);
        let elbow = towards(shoulder, upper_arm, UPPER_ARM);
        Joints {
            head: towards(neck, trunk, HEAD_RADIUS + 2.0),
            neck,
            shoulder,
            elbow,
            wrist: towards(elbow, forearm, FOREARM),
            pelvis,
            knees: [k0, k1],
            ankles: [a0, a1],
            toes: [t0, t1],
        }
    }

    /// Every point the body reaches (the head as its top and bottom).
    fn points(&self) -> Vec<Point> {
        let mut points = vec![
            self.neck,
            self.shoulder,
            self.elbow,
            self.wrist,
            self.pelvis,
        ];
        points.extend(self.knees);
        points.extend(self.ankles);
        points.extend(self.toes);
        points.push((self.head.0, self.head.1 - HEAD_RADIUS));
        points.push((self.head.0, self.head.1 + HEAD_RADIUS));
        points
    }

    /// Where `point` is: a foot is its lower end (heel or toe), knees and hands their middle.
    fn at(&self, point: BodyPoint) -> Point {
        let foot = |i: usize| {
            let (a, t) = (self.ankles[i], self.toes[i]);
            if a.1 >= t.1 {
                a
            } else {
                t
            }
        };
        let middle = |a: Point, b: Point| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        match point {
            BodyPoint::Pelvis => self.pelvis,
            BodyPoint::Shoulder => self.shoulder,
            BodyPoint::Hands => self.wrist,
            BodyPoint::Knees => middle(self.knees[0], self.knees[1]),
            BodyPoint::Ankles => middle(self.ankles[0], self.ankles[1]),
            BodyPoint::WorkAnkle => self.ankles[0],
            BodyPoint::WorkFoot => foot(0),
            BodyPoint::OtherFoot => foot(1),
        }
    }

    fn moved(self, (dx, dy): Point) -> Joints {
        let by = |p: Point| (p.0 + dx, p.1 + dy);
        Joints {
            head: by(self.head),
            neck: by(self.neck),
            shoulder: by(self.shoulder),
            elbow: by(self.elbow),
            wrist: by(self.wrist),
            pelvis: by(self.pelvis),
            knees: self.knees.map(by),
            ankles: self.ankles.map(by),
            toes: self.toes.map(by),
        }
    }

    /// The points an arrow may follow, the working leg's first.
    fn movers(&self) -> [Point; 7] {
        [
            self.ankles[0],
            self.knees[0],
            self.ankles[1],
            self.knees[1],
            self.wrist,
            self.head,
            self.pelvis,
        ]
    }

    /// Other leg, trunk and arm, working leg, head: the order they are drawn in, so the working
    /// leg is on top.
    fn paths(&self) -> [String; 4] {
        let leg = |i: usize| polyline(&[self.pelvis, self.knees[i], self.ankles[i], self.toes[i]]);
        [
            leg(1),
            format!(
                "{}{}",
                polyline(&[self.pelvis, self.neck]),
                polyline(&[self.shoulder, self.elbow, self.wrist])
            ),
            leg(0),
            circle(self.head, HEAD_RADIUS),
        ]
    }
}

/// What carries the body besides the floor: a seat, a bench or a step, as the top of a box
/// from `left` to `right` at height `top` (negative: above the floor).
#[derive(Debug, Clone, Copy)]
struct Support {
    left: f64,
    right: f64,
    top: f64,
}

impl Support {
    /// The height a point at `x` rests on: the highest support there, else `floor`.
    fn level(supports: &[Support], x: f64, floor: f64) -> f64 {
        supports
            .iter()
            .filter(|s| (s.left..=s.right).contains(&x))
            .map(|s| s.top)
            .fold(floor, f64::min)
    }
}

/// Where the prop usually touches the body, when the exercise does not say.
pub fn prop_point(prop: Prop) -> BodyPoint {
    match prop {
        Prop::Chair | Prop::Bench | Prop::Bike => BodyPoint::Pelvis,
        Prop::Step | Prop::Slider => BodyPoint::WorkFoot,
        Prop::Bar => BodyPoint::Hands,
        Prop::Wall | Prop::Water => BodyPoint::Shoulder,
        Prop::None | Prop::Belt | Prop::Band | Prop::Ball | Prop::Pillow => BodyPoint::Knees,
    }
}

/// A prop that stays put while the body moves (drawn once, from the start pose).
fn stays_put(prop: Prop) -> bool {
    matches!(
        prop,
        Prop::Chair | Prop::Bench | Prop::Step | Prop::Wall | Prop::Water | Prop::Bike
    )
}

fn unit(value: f64) -> i32 {
    value.round() as i32
}

fn polyline(points: &[Point]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}{} {}",
                if i == 0 { 'M' } else { 'L' },
                unit(p.0),
                unit(p.1)
            )
        })
        .collect()
}

/// A circle as two arcs, so every field is path data.
fn circle((x, y): Point, radius: f64) -> String {
    let (x, y, r) = (unit(x), unit(y), unit(radius));
    format!(
        "M{} {y}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0",
        x - r,
        2 * r,
        2 * r
    )
}

fn pose_angles(pose: &Pose) -> [f64; 7] {
    [
        pose.trunk,
        pose.work_thigh,
        pose.work_shin,
        pose.other_thigh,
        pose.other_shin,
        pose.upper_arm,
        pose.forearm,
    ]
    .map(f64::from)
}

/// The figure's frames, placed: the start pose resting on the floor, each later one moved so
/// the fixed point stays where it was and the body rests on the floor or the props that stay
/// put; and those props.
struct Placed {
    frames: Vec<Joints>,
    supports: Vec<Support>,
    /// What the lowest point rests on where no support is: the floor (0), or on a bike the
    /// bottom of the pedals' circle.
    floor: f64,
}

/// On a bike the feet go round on the pedals, above the floor.
const PEDAL_BOTTOM: f64 = -12.0;
const WHEEL: f64 = 19.0;

/// A bike under a rider in the start pose: both feet on the pedals' circle (the pedals are
/// opposite each other, so the circle's centre is midway between the feet), the handlebar in
/// the hands, the wheels on the floor.
struct Bike {
    crank: Point,
    crank_radius: f64,
    bar: Point,
    rear: Point,
    front: Point,
}

impl Bike {
    fn of(first: &Joints) -> Bike {
        let [a, b] = first.ankles;
        let crank = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let crank_radius = ((a.0 - b.0).hypot(a.1 - b.1) / 2.0).max(6.0);
        let bar = (first.wrist.0, first.wrist.1 + 2.0);
        Bike {
            crank,
            crank_radius,
            bar,
            rear: (crank.0 - 34.0, -WHEEL),
            // The fork rakes forward from the bar, and the wheel stays clear of the pedals.
            front: (
                (bar.0 + 6.0).max(crank.0 + crank_radius + WHEEL + 6.0),
                -WHEEL,
            ),
        }
    }
}

fn place(illustration: &Illustration) -> Placed {
    let (start, end) = (
        pose_angles(&illustration.start),
        pose_angles(&illustration.end),
    );
    let count = if start == end { 1 } else { FRAMES };
    let floor = if illustration.prop == Prop::Bike {
        PEDAL_BOTTOM
    } else {
        0.0
    };
    let rest_on = |joints: Joints, supports: &[Support]| {
        let lift = joints
            .points()
            .iter()
            .map(|p| Support::level(supports, p.0, floor) - p.1)
            .fold(f64::MAX, f64::min);
        joints.moved((0.0, lift))
    };
    let first = rest_on(Joints::of(&start), &[]);
    let supports = support(illustration, &first)
        .into_iter()
        .collect::<Vec<_>>();
    let fixed = first.at(illustration.fixed);
    let frames = (0..count)
        .map(|i| {
            let t = if count == 1 {
                0.0
            } else {
                i as f64 / (count - 1) as f64
            };
            let angles: [f64; 7] =
                std::array::from_fn(|k| (start[k] + (end[k] - start[k]) * t).round());
            let joints = Joints::of(&angles);
            let x = fixed.0 - joints.at(illustration.fixed).0;
            rest_on(joints.moved((x, 0.0)), &supports)
        })
        .collect();
    Placed {
        frames,
        supports,
        floor,
    }
}

/// The box a seat, bench or step makes under the point it carries in the start pose.
fn support(illustration: &Illustration, first: &Joints) -> Option<Support> {
    let on = first.at(illustration.on.unwrap_or(prop_point(illustration.prop)));
    let half = match illustration.prop {
        Prop::Step => 12.0,
        Prop::Chair => 14.0,
        Prop::Bench => 18.0,
        _ => return None,
    };
    // A seat carries the pelvis a little above its top (the buttocks); a foot stands on it.
    let top = if illustration.prop == Prop::Step {
        on.1
    } else {
        on.1 + 4.0
    };
    // Shoulders on a bench lean against its edge: the bench lies towards the head.
    let centre = if illustration.on == Some(BodyPoint::Shoulder) {
        on.0 + (on.0 - first.pelvis.0).signum() * (half - 3.0)
    } else {
        on.0
    };
    (top < -4.0).then_some(Support {
        left: centre - half,
        right: centre + half,
        top,
    })
}

/// The props that stay put, drawn under or around the start pose.
fn fixed_prop(illustration: &Illustration, first: &Joints, supports: &[Support]) -> String {
    let on = first.at(illustration.on.unwrap_or(prop_point(illustration.prop)));
    let (x, y) = (unit(on.0), unit(on.1));
    match illustration.prop {
        Prop::Step => supports
            .iter()
            .map(|s| format!("M{} 0V{}H{}V0", unit(s.left), unit(s.top), unit(s.right)))
            .collect(),
        Prop::Chair | Prop::Bench => supports
            .iter()
            .map(|s| {
                let (l, r, top) = (unit(s.left), unit(s.right), unit(s.top));
                // A chair has a back behind the sitter (the figure faces +x).
                let back = if illustration.prop == Prop::Chair {
                    format!("M{l} {top}v-34")
                } else {
                    String::new()
                };
                format!("M{l} {top}H{r}M{} {top}V0M{} {top}V0{back}", l + 2, r - 2)
            })
            .collect(),
        Prop::Wall => format!("M{} 0V-190", x - 8),
        Prop::Water => format!(
            "M{} {y}q10 -5 20 0t20 0t20 0t20 0t20 0t20 0t20 0t20 0",
            x - 80
        ),
        Prop::Bike => {
            // The saddle is under the pelvis; the handlebar in the hands, the fork from it down
            // to the front wheel.
            let bike = Bike::of(first);
            let saddle = (on.0, on.1 + 5.0);
            format!(
                "{}{}{}{}{}M{} {}h5",
                circle(bike.rear, WHEEL),
                circle(bike.front, WHEEL),
                circle(bike.crank, bike.crank_radius),
                polyline(&[bike.rear, saddle, bike.crank, bike.rear]),
                polyline(&[saddle, bike.bar, bike.front]),
                unit(bike.bar.0),
                unit(bike.bar.1),
            )
        }
        _ => String::new(),
    }
}

/// Where a tether is tied: `dx`, `dy` from its body point in the start pose, never below the
/// floor.
fn anchor(tether: &Tether, first: &Joints) -> Point {
    let from = first.at(tether.from);
    (
        from.0 + f64::from(tether.dx),
        (from.1 + f64::from(tether.dy)).min(0.0),
    )
}

/// The anchor of a tether: a ring, on a post down to the floor when it is above it.
fn tether_anchor(tether: &Tether, first: &Joints) -> String {
    let (x, y) = anchor(tether, first);
    let post = if y < -3.0 {
        format!("M{} {}V0", unit(x), unit(y + 3.0))
    } else {
        String::new()
    };
    format!("{}{post}", circle((x, y), 3.0))
}

/// The tether's line in one frame, from the body point to the anchor.
fn tether_line(tether: &Tether, first: &Joints, joints: &Joints) -> String {
    polyline(&[joints.at(tether.from), anchor(tether, first)])
}

/// A prop that moves with the body, in one frame.
fn moving_prop(illustration: &Illustration, joints: &Joints) -> String {
    let point = illustration.on.unwrap_or(prop_point(illustration.prop));
    let on = joints.at(point);
    let (x, y) = (unit(on.0), unit(on.1));
    match illustration.prop {
        Prop::Bar => circle(on, 9.0),
        Prop::Ball => circle(on, 6.0),
        Prop::Pillow => format!("M{} {y}a8 4 0 1 0 16 0a8 4 0 1 0 -16 0", x - 8),
        // Round both legs: between the two knees (or feet) in a front view, a short loop in a
        // side view where they overlap.
        Prop::Band | Prop::Belt => {
            let (a, b) = match point {
                BodyPoint::WorkFoot
                | BodyPoint::OtherFoot
                | BodyPoint::Ankles
                | BodyPoint::WorkAnkle => (joints.ankles[0], joints.ankles[1]),
                _ => (joints.knees[0], joints.knees[1]),
            };
            if (a.0 - b.0).abs() > 6.0 {
                polyline(&[a, b])
            } else {
                format!("M{} {y}a7 3 0 1 0 14 0a7 3 0 1 0 -14 0", x - 7)
            }
        }
        Prop::Slider => format!("M{} {}h16", x - 8, y + 2),
        _ => String::new(),
    }
}

/// Something worn at a point (an ankle weight, a float belt): a small block round it.
fn worn_block((x, y): Point) -> String {
    let (x, y) = (unit(x), unit(y));
    format!("M{} {}h10v10h-10z", x - 5, y - 5)
}

/// A curved arrow along the path of the point that moves most, beside it rather than over it,
/// and the points it reaches (for the viewBox); none for a still exercise.
fn arrow(frames: &[Joints]) -> Option<(String, Vec<Point>)> {
    let (first, last) = (frames.first()?, frames.last()?);
    let distance = |a: Point, b: Point| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
    let (from, to) = first
        .movers()
        .into_iter()
        .zip(last.movers())
        .max_by(|a, b| distance(a.0, a.1).total_cmp(&distance(b.0, b.1)))?;
    let length = distance(from, to);
    if length < STILL {
        return None;
    }
    // The side of the path away from the body's middle (the pelvis, halfway through), unless
    // that side is under the floor.
    let middle = frames[frames.len() / 2].pelvis;
    let (ux, uy) = ((to.0 - from.0) / length, (to.1 - from.1) / length);
    let mid = ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0);
    let away = (mid.0 - middle.0) * -uy + (mid.1 - middle.1) * ux >= 0.0;
    let curve = |normal: Point| {
        let off = |p: Point, by: f64| (p.0 + normal.0 * by, p.1 + normal.1 * by);
        let (a, b) = (off(from, 10.0), off(to, 10.0));
        let control = off(mid, 10.0 + length * 0.3);
        // The head points along the curve's last stretch.
        let (hx, hy) = (b.0 - control.0, b.1 - control.1);
        let h = (hx * hx + hy * hy).sqrt().max(1.0);
        let back = (-hx / h * 7.0, -hy / h * 7.0);
        let side = (-back.1 * 0.6, back.0 * 0.6);
        let wing = |s: f64| (b.0 + back.0 + side.0 * s, b.1 + back.1 + side.1 * s);
        // The curve's farthest point from its chord is halfway along it.
        let peak = (
            (a.0 + 2.0 * control.0 + b.0) / 4.0,
            (a.1 + 2.0 * control.1 + b.1) / 4.0,
        );
        let path = format!(
            "M{} {}Q{} {} {} {}{}",
            unit(a.0),
            unit(a.1),
            unit(control.0),
            unit(control.1),
            unit(b.0),
            unit(b.1),
            polyline(&[wing(1.0), b, wing(-1.0)])
        );
        (path, vec![a, b, peak, wing(1.0), wing(-1.0)])
    };
    let (first_side, other_side) = if away {
        ((-uy, ux), (uy, -ux))
    } else {
        ((uy, -ux), (-uy, ux))
    };
    let chosen = curve(first_side);
    if chosen.1.iter().any(|p| p.1 > 0.0) {
        return Some(curve(other_side));
    }
    Some(chosen)
}

/// The illustration as one line of `|`-separated SVG data (see the module comment).
pub fn drawing(illustration: &Illustration) -> String {
    let placed = place(illustration);
    let first = placed.frames[0];
    let mut all: Vec<Point> = placed.frames.iter().flat_map(Joints::points).collect();
    let arrow = arrow(&placed.frames);
    if let Some((_, reaches)) = &arrow {
        all.extend(reaches.iter().map(|p| (p.0, p.1.min(0.0))));
    }
    for s in &placed.supports {
        all.push((s.left, s.top));
        all.push((s.right, s.top));
    }
    if let Some(t) = &illustration.tether {
        all.push(anchor(t, &first));
    }
    if illustration.prop == Prop::Bike {
        let bike = Bike::of(&first);
        all.extend([(bike.rear.0 - WHEEL, 0.0), (bike.front.0 + WHEEL, 0.0)]);
    }
    let min_x = all.iter().map(|p| p.0).fold(f64::MAX, f64::min) - PAD;
    let max_x = all.iter().map(|p| p.0).fold(f64::MIN, f64::max) + PAD;
    let min_y = all.iter().map(|p| p.1).fold(f64::MAX, f64::min) - PAD;
    let width = unit((max_x - min_x).max(MIN_SIDE));
    let height = unit((PAD - min_y).max(MIN_SIDE));
    let (min_x, min_y) = (unit(min_x), unit(min_y));
    let tether = illustration.tether;
    let mut fixed = fixed_prop(illustration, &first, &placed.supports);
    if let Some(t) = &tether {
        fixed.push_str(&tether_anchor(t, &first));
    }
    // In water nothing stands on a floor: no floor line (the figure floats at the surface).
    let floor = if illustration.prop == Prop::Water {
        String::new()
    } else {
        format!("M{min_x} 1h{width}")
    };
    let mut fields = vec![
        format!("{min_x} {min_y} {width} {height}"),
        floor,
        fixed,
        arrow.map(|(path, _)| path).unwrap_or_default(),
    ];
    for joints in &placed.frames {
        let mut paths = joints.paths().to_vec();
        let mut prop = if stays_put(illustration.prop) {
            String::new()
        } else {
            moving_prop(illustration, joints)
        };
        if let Some(t) = &tether {
            prop.push_str(&tether_line(t, &first, joints));
        }
        if let Some(point) = illustration.worn {
            prop.push_str(&worn_block(joints.at(point)));
        }
        paths.push(prop);
        fields.push(paths.join(";"));
    }
    fields.join("|")
}

/// What `content check` refuses in a figure, as (field, message): a knee or elbow bent the wrong
/// way, and a fixed point that does not rest on the floor or the prop in every frame (the body
/// would hang in the air or push through the floor).
pub fn check(illustration: &Illustration) -> Result<(), (&'static str, String)> {
    for (field, pose) in [("start", &illustration.start), ("end", &illustration.end)] {
        for (joint, upper, lower) in [
            ("knee of the working leg", pose.work_thigh, pose.work_shin),
            ("knee of the other leg", pose.other_thigh, pose.other_shin),
        ] {
            if !(upper - 160..=upper).contains(&lower) {
                return Err((
                    field,
                    format!("the {joint} bends the wrong way (a shin is between its thigh - 160 and its thigh)"),
                ));
            }
        }
        if !(pose.upper_arm..=pose.upper_arm + 160).contains(&pose.forearm) {
            return Err((
                field,
                "the elbow bends the wrong way (a forearm is between its upper arm and upper arm + 160)"
                    .to_string(),
            ));
        }
    }
    // In water or on a bike the prop carries the body, not the floor.
    if matches!(illustration.prop, Prop::Water | Prop::Bike) {
        return Ok(());
    }
    let placed = place(illustration);
    for (i, joints) in placed.frames.iter().enumerate() {
        let (x, y) = joints.at(illustration.fixed);
        let level = Support::level(&placed.supports, x, placed.floor);
        // The pelvis and shoulders are the body's axis: lying or sitting, they rest a body's
        // half-thickness (about a head's radius) above what carries them.
        let reach = match illustration.fixed {
            BodyPoint::Pelvis | BodyPoint::Shoulder => CONTACT + HEAD_RADIUS,
            _ => CONTACT,
        };
        let carried_by_seat = illustration.fixed == BodyPoint::Pelvis
            && placed.supports.iter().any(|s| (y - s.top).abs() <= reach);
        if (y - level).abs() > reach && !carried_by_seat {
            let field = if i == 0 { "start" } else { "end" };
            return Err((
                field,
                format!(
                    "the fixed point ({:?}) is {} units above the floor or the prop; it must rest on it",
                    illustration.fixed,
                    unit(level - y)
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::PoseView;

    fn standing() -> Pose {
        Pose {
            trunk: 180,
            ..Pose::default()
        }
    }

    fn illustration(start: Pose, end: Pose) -> Illustration {
        Illustration {
            view: PoseView::Side,
            prop: Prop::None,
            on: None,
            tether: None,
            worn: None,
            fixed: BodyPoint::OtherFoot,
            description: String::new(),
            start,
            end,
        }
    }

    fn frames(drawing: &str) -> Vec<&str> {
        drawing.split('|').skip(4).collect()
    }

    #[test]
    fn a_standing_pose_puts_the_feet_on_the_floor_below_the_head() {
        let placed = place(&illustration(standing(), standing()));
        let joints = placed.frames[0];
        assert!(joints.head.1 < joints.pelvis.1 && joints.pelvis.1 < joints.ankles[0].1);
        assert!(
            joints.ankles[0].1.abs() < 0.5,
            "ankle on the floor: {}",
            joints.ankles[0].1
        );
        assert!(
            (joints.knees[0].0 - joints.pelvis.0).abs() < 0.5,
            "a straight leg hangs down"
        );
    }

    #[test]
    fn something_worn_moves_with_its_point() {
        let mut lift = standing();
        lift.work_thigh = 90;
        lift.work_shin = 0;
        let mut weighted = illustration(standing(), lift);
        weighted.worn = Some(BodyPoint::WorkAnkle);
        let drawn = drawing(&weighted);
        let blocks: Vec<&str> = frames(&drawn)
            .iter()
            .map(|frame| frame.split(';').nth(4).unwrap_or_default())
            .collect();
        assert!(blocks.iter().all(|b| b.ends_with("h10v10h-10z")), "{drawn}");
        assert_ne!(
            blocks.first(),
            blocks.last(),
            "the weight goes up with the ankle"
        );
        assert!(!drawing(&illustration(standing(), lift)).contains("h10v10h-10z"));
    }

    #[test]
    fn a_still_pose_has_one_frame_and_no_arrow_and_a_moving_one_four_and_an_arrow() {
        let still = drawing(&illustration(standing(), standing()));
        assert_eq!(frames(&still).len(), 1, "{still}");
        assert_eq!(still.split('|').nth(3), Some(""), "no arrow: {still}");
        let mut lunge = standing();
        lunge.work_thigh = 90;
        lunge.work_shin = 0;
        let moving = drawing(&illustration(standing(), lunge));
        assert_eq!(frames(&moving).len(), FRAMES, "{moving}");
        let arrow = moving.split('|').nth(3).unwrap_or_default();
        assert!(arrow.starts_with('M') && arrow.contains('Q'), "{arrow}");
        assert!(
            frames(&moving).iter().all(|f| f.split(';').count() == 5),
            "{moving}"
        );
    }

    #[test]
    fn frames_turn_joints_so_limbs_keep_their_length() {
        let mut lifted = standing();
        lifted.work_thigh = 90;
        let placed = place(&illustration(standing(), lifted));
        for joints in &placed.frames {
            let thigh = ((joints.knees[0].0 - joints.pelvis.0).powi(2)
                + (joints.knees[0].1 - joints.pelvis.1).powi(2))
            .sqrt();
            assert!((thigh - THIGH).abs() < 0.01, "{thigh}");
        }
    }

    #[test]
    fn the_fixed_foot_stays_put_and_a_step_carries_the_foot_on_it() {
        // Step-up: the working foot on a step, then standing up on it.
        let mut start = standing();
        start.work_thigh = 70;
        start.work_shin = 0;
        let mut end = standing();
        end.other_thigh = 30;
        end.other_shin = -30;
        let mut step_up = illustration(start, end);
        step_up.prop = Prop::Step;
        step_up.fixed = BodyPoint::WorkFoot;
        let placed = place(&step_up);
        let step = placed.supports[0];
        assert!(step.top < -20.0, "a step of some height: {step:?}");
        let first = placed.frames[0].at(BodyPoint::WorkFoot);
        let last = placed.frames[FRAMES - 1].at(BodyPoint::WorkFoot);
        assert!(
            (first.0 - last.0).abs() < 0.5,
            "the foot stays: {first:?} {last:?}"
        );
        assert!(
            (last.1 - step.top).abs() < 0.5,
            "standing on the step: {last:?} {step:?}"
        );
        assert_eq!(check(&step_up), Ok(()));
    }

    #[test]
    fn a_knee_bent_forwards_or_a_fixed_point_in_the_air_is_refused() {
        let refused = |i: &Illustration, what: &str| {
            check(i).is_err_and(|(_, message)| message.contains(what))
        };
        let mut knee = standing();
        knee.work_thigh = 0;
        knee.work_shin = 40;
        assert!(refused(
            &illustration(standing(), knee),
            "knee of the working leg"
        ));
        let mut floating = illustration(standing(), standing());
        floating.fixed = BodyPoint::Hands;
        assert!(refused(&floating, "must rest on it"));
        assert_eq!(check(&illustration(standing(), standing())), Ok(()));
    }

    #[test]
    fn a_tether_runs_from_its_body_point_to_an_anchor_that_stays_put() {
        let mut lifted = standing();
        lifted.work_thigh = 30;
        let mut tied = illustration(standing(), lifted);
        tied.tether = Some(Tether {
            from: BodyPoint::WorkFoot,
            dx: -40,
            dy: -10,
        });
        let drawn = drawing(&tied);
        let fixed = drawn.split('|').nth(2).unwrap_or_default();
        assert!(
            fixed.contains('a') && fixed.contains('V'),
            "a ring on a post: {fixed}"
        );
        let ends: Vec<&str> = frames(&drawn)
            .iter()
            .map(|f| f.split(';').nth(4).unwrap_or_default())
            .map(|line| line.rsplit('L').next().unwrap_or_default())
            .collect();
        assert!(
            ends.windows(2).all(|w| w[0] == w[1]),
            "one anchor in every frame: {ends:?}"
        );
    }

    #[test]
    fn the_standing_figure_is_drawn_as_expected() {
        // Feet on the floor (y 0), pelvis 80 above, neck 128, head centre 139 (its top at 148,
        // plus 10 of padding: the viewBox starts at -158); the width is the 60 minimum.
        assert_eq!(
            drawing(&illustration(standing(), standing())),
            "-10 -158 60 168|M-10 1h60|||M0 -80L0 -40L0 0L11 0;M0 -80L0 -128M0 -124L0 -98L0 -74;M0 -80L0 -40L0 0L11 0;M-9 -139a9 9 0 1 0 18 0a9 9 0 1 0 -18 0;"
        );
    }
}
