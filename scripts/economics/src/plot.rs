//! The 2×2 PNG: supply, emission against burn, provider income, net inflation.

use crate::report::{embr, Period};
use plotters::{
	coord::{
		ranged1d::{AsRangedCoord, ValueFormatter},
		Shift,
	},
	prelude::*,
	style::register_font,
};
use std::{fmt::Display, fs, path::Path};

/// Where Debian's `fonts-dejavu-core` puts DejaVu Sans.
pub const DEFAULT_FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const WIDTH: u32 = 1400;
const HEIGHT: u32 = 1000;
const FONT_FAMILY: &str = "sans-serif";

const SUPPLY_COLOR: RGBColor = RGBColor(31, 119, 180);
const EMISSION_COLOR: RGBColor = RGBColor(44, 160, 44);
const BURN_COLOR: RGBColor = RGBColor(214, 39, 40);
const LEASE_COLOR: RGBColor = RGBColor(255, 127, 14);
const ZERO_COLOR: RGBColor = RGBColor(120, 120, 120);

/// Registers the TrueType font at `path` as plotters' sans-serif: plotters draws text only with
/// fonts registered at run time (its system-font support would need fontconfig and freetype).
pub fn register_sans_serif(path: &Path) -> Result<(), String> {
	let bytes = fs::read(path).map_err(|error| {
		format!(
			"cannot read the font {}: {error}. Install the Debian package fonts-dejavu-core \
			 (apt-get install fonts-dejavu-core) or pass --font <path to a .ttf file>",
			path.display()
		)
	})?;
	// plotters keeps registered fonts for the life of the process, so the bytes must be 'static.
	let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
	register_font(FONT_FAMILY, FontStyle::Normal, bytes)
		.map_err(|_| format!("{} is not a TrueType or OpenType font", path.display()))
}

/// One line of a panel.
struct Line {
	label: &'static str,
	color: RGBColor,
	points: Vec<(f64, f64)>,
}

/// One chart of the figure.
struct Panel {
	title: &'static str,
	y_desc: &'static str,
	lines: Vec<Line>,
	/// Where the legend covers no line.
	legend: SeriesLabelPosition,
}

/// Draws the four panels from daily sums over `years` into a PNG at `out`.
pub fn draw(days: &[Period], years: f64, out: &Path, title: &str) -> Result<(), String> {
	if let Some(dir) = out.parent().filter(|dir| !dir.as_os_str().is_empty()) {
		fs::create_dir_all(dir)
			.map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
	}
	let root = BitMapBackend::new(out, (WIDTH, HEIGHT)).into_drawing_area();
	root.fill(&WHITE).map_err(drawing)?;
	let root = root.titled(title, (FONT_FAMILY, 30)).map_err(drawing)?;
	let areas = root.split_evenly((2, 2));

	draw_linear(&areas[0], &supply_panel(days), years)?;
	draw_log(&areas[1], &emission_panel(days), years)?;
	draw_log(&areas[2], &income_panel(days), years)?;
	draw_linear(&areas[3], &inflation_panel(days, years), years)?;
	root.present()
		.map_err(|error| format!("cannot write {}: {error}", out.display()))
}

fn supply_panel(days: &[Period]) -> Panel {
	Panel {
		title: "(a) Total supply",
		legend: SeriesLabelPosition::UpperRight,
		y_desc: "million EMBR",
		lines: vec![Line {
			label: "supply",
			color: SUPPLY_COLOR,
			points: series(days, |day| embr(day.supply_end) / 1e6),
		}],
	}
}

fn emission_panel(days: &[Period]) -> Panel {
	Panel {
		title: "(b) Emission vs fees burned, per day",
		legend: SeriesLabelPosition::UpperRight,
		y_desc: "EMBR per day (log scale)",
		lines: vec![
			Line {
				label: "minted",
				color: EMISSION_COLOR,
				points: series(days, |day| embr(day.minted)),
			},
			Line {
				label: "fees burned",
				color: BURN_COLOR,
				points: series(days, |day| embr(day.burned)),
			},
		],
	}
}

fn income_panel(days: &[Period]) -> Panel {
	Panel {
		title: "(c) Provider income per day",
		legend: SeriesLabelPosition::MiddleRight,
		y_desc: "EMBR per day (log scale)",
		lines: vec![
			Line {
				label: "from emissions",
				color: EMISSION_COLOR,
				points: series(days, |day| embr(day.provider_emission_income)),
			},
			Line {
				label: "from leases (after the fee)",
				color: LEASE_COLOR,
				points: series(days, |day| embr(day.lease_revenue)),
			},
		],
	}
}

fn inflation_panel(days: &[Period], years: f64) -> Panel {
	Panel {
		title: "(d) Net annual inflation",
		legend: SeriesLabelPosition::UpperRight,
		y_desc: "% of supply per year",
		lines: vec![
			Line {
				label: "net inflation (minted − burned)",
				color: SUPPLY_COLOR,
				points: series(days, Period::net_inflation_percent),
			},
			Line {
				label: "no net change",
				color: ZERO_COLOR,
				points: vec![(0.0, 0.0), (years, 0.0)],
			},
		],
	}
}

fn series(days: &[Period], value: impl Fn(&Period) -> f64) -> Vec<(f64, f64)> {
	days.iter().map(|day| (day.end_years, value(day))).collect()
}

/// Lowest and highest value over all lines.
fn value_bounds(panel: &Panel) -> (f64, f64) {
	let values = panel.lines.iter().flat_map(|line| line.points.iter().map(|(_, y)| *y));
	values.fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), y| (low.min(y), high.max(y)))
}

fn draw_linear<DB: DrawingBackend>(
	area: &DrawingArea<DB, Shift>,
	panel: &Panel,
	years: f64,
) -> Result<(), String> {
	let (low, high) = value_bounds(panel);
	let pad = ((high - low) * 0.08).max(1e-9);
	draw_panel(area, panel, years, (low - pad)..(high + pad), &|value| format!("{value:.0}"))
}

fn draw_log<DB: DrawingBackend>(
	area: &DrawingArea<DB, Shift>,
	panel: &Panel,
	years: f64,
) -> Result<(), String> {
	// A log axis cannot show zero: leave out days with nothing to show.
	let lines = panel
		.lines
		.iter()
		.map(|line| Line {
			points: line.points.iter().copied().filter(|(_, y)| *y > 0.0).collect(),
			..*line
		})
		.collect();
	let panel = Panel { lines, legend: panel.legend.clone(), ..*panel };
	let (low, high) = value_bounds(&panel);
	let range = (low.max(1e-3) / 2.0..high.max(1.0) * 3.0).log_scale();
	draw_panel(area, &panel, years, range, &|value| compact(*value))
}

fn draw_panel<DB, Y>(
	area: &DrawingArea<DB, Shift>,
	panel: &Panel,
	years: f64,
	y_range: Y,
	y_label: &dyn Fn(&f64) -> String,
) -> Result<(), String>
where
	DB: DrawingBackend,
	Y: AsRangedCoord<Value = f64>,
	Y::CoordDescType: ValueFormatter<f64>,
{
	let mut chart = ChartBuilder::on(area)
		.caption(panel.title, (FONT_FAMILY, 22))
		.margin(16)
		.margin_right(28)
		.x_label_area_size(45)
		.y_label_area_size(80)
		.build_cartesian_2d(0.0..years, y_range)
		.map_err(drawing)?;
	chart
		.configure_mesh()
		.x_desc("years")
		.x_labels(years.ceil() as usize + 1)
		.x_label_formatter(&|year| format!("{year:.0}"))
		.y_desc(panel.y_desc)
		.y_label_formatter(y_label)
		.label_style((FONT_FAMILY, 15))
		.axis_desc_style((FONT_FAMILY, 16))
		.draw()
		.map_err(drawing)?;
	for line in &panel.lines {
		let color = line.color;
		chart
			.draw_series(LineSeries::new(line.points.iter().copied(), color.stroke_width(2)))
			.map_err(drawing)?
			.label(line.label)
			.legend(move |(x, y)| {
				PathElement::new(vec![(x, y), (x + 24, y)], color.stroke_width(3))
			});
	}
	chart
		.configure_series_labels()
		.position(panel.legend.clone())
		.label_font((FONT_FAMILY, 15))
		.background_style(WHITE.mix(0.85))
		.border_style(BLACK.mix(0.4))
		.draw()
		.map_err(drawing)
}

/// `1_500_000.0` as `1.5M`: short labels for a log axis.
fn compact(value: f64) -> String {
	let (scaled, suffix) = match value.abs() {
		v if v >= 1e9 => (value / 1e9, "B"),
		v if v >= 1e6 => (value / 1e6, "M"),
		v if v >= 1e3 => (value / 1e3, "k"),
		_ => (value, ""),
	};
	let digits = if scaled.fract().abs() < 1e-9 { 0 } else { 1 };
	format!("{scaled:.digits$}{suffix}")
}

fn drawing(error: impl Display) -> String {
	format!("cannot draw the plot: {error}")
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn log_axis_labels_are_short() {
		assert_eq!(compact(100.0), "100");
		assert_eq!(compact(10_000.0), "10k");
		assert_eq!(compact(2_500_000.0), "2.5M");
		assert_eq!(compact(1e9), "1B");
	}

	#[test]
	fn a_missing_font_names_the_path_and_the_package() {
		let error = register_sans_serif(Path::new("/nonexistent/DejaVuSans.ttf"))
			.expect_err("no such file");
		assert!(error.contains("/nonexistent/DejaVuSans.ttf"), "{error}");
		assert!(error.contains("fonts-dejavu-core"), "{error}");
	}
}
