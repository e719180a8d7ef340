//! Exercise illustrations, drawn at build time: a stick figure posed from a few joint angles
//! (content/exercises.toml), written as SVG path data into the after-Start text. The browser
//! only places the paths (`ui::widgets::figure`), so no geometry or trigonometry ships in the
//! wasm (docs/architecture.md, "Size trade-offs").
//!
//! The drawing is one line of fields separated by `|`: the viewBox, the floor, then per pose
//! (end pose first, then the start pose only if it differs) the other leg, the trunk and arm,
//! the working leg and the head. Coordinates are whole units (SVG scales them).

use crate::content::model::{Illustration, Pose};

const TRUNK: f64 = 48.0;
const HEAD_RADIUS: f64 = 9.0;
const THIGH: f64 = 40.0;
const SHIN: f64 = 40.0;
const FOOT: f64 = 11.0;
const UPPER_ARM: f64 = 26.0;
const FOREARM: f64 = 24.0;
const PAD: f64 = 8.0;
/// The smallest viewBox side, so a compact pose is not blown up.
const MIN_SIDE: f64 = 60.0;

type Point = (f64, f64);

/// A segment direction: 0° points down, 90° the way the figure faces, 180° up (SVG y grows down).
fn towards(from: Point, angle: i16, length: f64) -> Point {
    let radians = f64::from(angle).to_radians();
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
    fn of(pose: &Pose) -> Joints {
        let pelvis = (0.0, 0.0);
        let neck = towards(pelvis, pose.trunk, TRUNK);
        let leg = |thigh: i16, shin: i16| {
            let knee = towards(pelvis, thigh, THIGH);
            let ankle = towards(knee, shin, SHIN);
            (knee, ankle, towards(ankle, shin.saturating_add(90), FOOT))
        };
        let (k0, a0, t0) = leg(pose.work_thigh, pose.work_shin);
        let (k1, a1, t1) = leg(pose.other_thigh, pose.other_shin);
        let shoulder = towards(pelvis, pose.trunk, TRUNK - 4.0);
        let elbow = towards(shoulder, pose.upper_arm, UPPER_ARM);
        Joints {
            head: towards(neck, pose.trunk, HEAD_RADIUS + 2.0),
            neck,
            shoulder,
            elbow,
            wrist: towards(elbow, pose.forearm, FOREARM),
            pelvis,
            knees: [k0, k1],
            ankles: [a0, a1],
            toes: [t0, t1],
        }
    }

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

    /// Moves the figure so its lowest point rests on the floor line (y = 0).
    fn on_floor(self) -> Joints {
        let lowest = self.points().iter().map(|p| p.1).fold(f64::MIN, f64::max);
        let down = |p: Point| (p.0, p.1 - lowest);
        Joints {
            head: down(self.head),
            neck: down(self.neck),
            shoulder: down(self.shoulder),
            elbow: down(self.elbow),
            wrist: down(self.wrist),
            pelvis: down(self.pelvis),
            knees: self.knees.map(down),
            ankles: self.ankles.map(down),
            toes: self.toes.map(down),
        }
    }

    /// Other leg, trunk and arm, working leg, head: the order they are drawn in, so the working
    /// leg is on top.
    fn paths(&self) -> [String; 4] {
        let leg = |i: usize| polyline(&[self.pelvis, self.knees[i], self.ankles[i], self.toes[i]]);
        let (x, y) = (unit(self.head.0), unit(self.head.1));
        let r = unit(HEAD_RADIUS);
        [
            leg(1),
            format!(
                "{}{}",
                polyline(&[self.pelvis, self.neck]),
                polyline(&[self.shoulder, self.elbow, self.wrist])
            ),
            leg(0),
            // A circle as two arcs, so every field is path data.
            format!(
                "M{} {y}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0",
                x - r,
                2 * r,
                2 * r
            ),
        ]
    }
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

/// The illustration as one line of `|`-separated SVG data (see the module comment).
pub fn drawing(illustration: &Illustration) -> String {
    let end = Joints::of(&illustration.end).on_floor();
    let start = Joints::of(&illustration.start).on_floor();
    let all: Vec<Point> = start.points().into_iter().chain(end.points()).collect();
    let min_x = all.iter().map(|p| p.0).fold(f64::MAX, f64::min) - PAD;
    let max_x = all.iter().map(|p| p.0).fold(f64::MIN, f64::max) + PAD;
    let min_y = all.iter().map(|p| p.1).fold(f64::MAX, f64::min) - PAD;
    let width = unit((max_x - min_x).max(MIN_SIDE));
    let height = unit((PAD - min_y).max(MIN_SIDE));
    let (min_x, min_y) = (unit(min_x), unit(min_y));
    let mut fields = vec![
        format!("{min_x} {min_y} {width} {height}"),
        format!("M{min_x} 1h{width}"),
    ];
    fields.extend(end.paths());
    if illustration.start != illustration.end {
        fields.extend(start.paths());
    }
    fields.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::{PoseView, Prop};

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
            description: String::new(),
            start,
            end,
        }
    }

    #[test]
    fn a_standing_pose_puts_the_feet_on_the_floor_below_the_head() {
        let joints = Joints::of(&standing()).on_floor();
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
    fn a_still_pose_has_one_figure_and_a_moving_one_two() {
        let still = drawing(&illustration(standing(), standing()));
        assert_eq!(still.split('|').count(), 6, "{still}");
        let mut lunge = standing();
        lunge.work_thigh = 90;
        lunge.work_shin = 0;
        let moving = drawing(&illustration(standing(), lunge));
        assert_eq!(moving.split('|').count(), 10, "{moving}");
        assert!(
            moving.split('|').skip(1).all(|d| d.starts_with('M')),
            "{moving}"
        );
    }

    #[test]
    fn the_standing_figure_is_drawn_as_expected() {
        // Feet on the floor (y 0), pelvis 80 above, neck 128, head centre 139 (its top at 148,
        // plus 8 of padding: the viewBox starts at -156); the width is the 60 minimum.
        assert_eq!(
            drawing(&illustration(standing(), standing())),
            "-8 -156 60 164|M-8 1h60|M0 -80L0 -40L0 0L11 0|M0 -80L0 -128M0 -124L0 -98L0 -74|M0 -80L0 -40L0 0L11 0|M-9 -139a9 9 0 1 0 18 0a9 9 0 1 0 -18 0"
        );
    }
}
