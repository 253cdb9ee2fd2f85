//! The operators' dashboards and alerts against real processes: a validator node, a second
//! node syncing from it, and a provider agent serving two leases, scraped by a real Prometheus
//! (Debian's package) with the alert rules of `ops/prometheus/alerts.yml` loaded. Every query
//! of every panel of `ops/grafana/*.json` must return data, every rule must evaluate, and the
//! shipped scrape config and alert rules must pass `promtool` (the rules' own unit tests
//! included).
//!
//! Without Prometheus installed the tests say so and skip, unless `EMBER_REQUIRE_PROMETHEUS=1`
//! (CI sets it, and `scripts/setup.sh` installs the package).

mod support;

use std::{
	path::{Path, PathBuf},
	process::Command,
	time::Duration,
};

use serde_json::Value;
use support::*;

const OWNER: &str = "//Charlie";
const AGENT: &str = "//Charlie//agent";
const EMBR: u128 = 1_000_000_000_000;

/// `ops/<path>` in the repository.
fn ops(path: &str) -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("../ops").join(path)
}

/// The installed `name` (`prometheus`, `promtool`), or `None` with the reason printed; panics
/// instead when `EMBER_REQUIRE_PROMETHEUS=1`.
fn prometheus_tool(name: &str) -> Option<PathBuf> {
	let found = std::env::var_os("PATH").and_then(|paths| {
		std::env::split_paths(&paths)
			.map(|dir| dir.join(name))
			.find(|path| path.is_file())
	});
	if found.is_none() {
		let reason = format!(
			"{name} is not installed: `apt-get install prometheus` (scripts/setup.sh does)"
		);
		assert!(std::env::var("EMBER_REQUIRE_PROMETHEUS").as_deref() != Ok("1"), "{reason}");
		eprintln!("skipped: {reason}");
	}
	found
}

fn run(command: &mut Command) -> String {
	let output = command.output().expect("the command starts");
	let text = format!(
		"{}{}",
		String::from_utf8_lossy(&output.stdout),
		String::from_utf8_lossy(&output.stderr)
	);
	assert!(output.status.success(), "{command:?} failed:\n{text}");
	text
}

#[test]
fn the_scrape_config_and_alert_rules_pass_promtool_and_each_alert_fires_on_its_fault() {
	let Some(promtool) = prometheus_tool("promtool") else { return };
	let config = run(Command::new(&promtool)
		.arg("check")
		.arg("config")
		.arg(ops("prometheus/prometheus.yml")));
	assert!(config.contains("SUCCESS"), "{config}");
	let rules = run(Command::new(&promtool)
		.arg("check")
		.arg("rules")
		.arg(ops("prometheus/alerts.yml")));
	assert!(rules.contains("SUCCESS: 10 rules found"), "{rules}");
	let tests = run(Command::new(&promtool).current_dir(ops("prometheus")).args([
		"test",
		"rules",
		"alerts.test.yml",
	]));
	assert!(tests.contains("SUCCESS"), "{tests}");
}

/// One Prometheus query of one panel.
struct PanelQuery {
	dashboard: String,
	panel: String,
	expr: String,
}

/// Every query of every panel of the dashboards under `ops/grafana/`, with the dashboards'
/// `$instance` variable set to every instance.
fn panel_queries() -> Vec<PanelQuery> {
	let mut queries = Vec::new();
	let mut dashboards: Vec<PathBuf> = std::fs::read_dir(ops("grafana"))
		.expect("ops/grafana")
		.filter_map(|e| Some(e.ok()?.path()))
		.filter(|p| p.extension().is_some_and(|e| e == "json"))
		.collect();
	dashboards.sort();
	for path in dashboards {
		let dashboard: Value =
			serde_json::from_str(&std::fs::read_to_string(&path).expect("dashboard read"))
				.expect("dashboard JSON");
		let title = dashboard["title"].as_str().expect("a title").to_string();
		let mut panels: Vec<&Value> = Vec::new();
		for panel in dashboard["panels"].as_array().expect("panels") {
			panels.push(panel);
			// Rows hold their panels when collapsed.
			panels.extend(panel["panels"].as_array().into_iter().flatten());
		}
		for panel in panels.into_iter().filter(|p| p["type"] != "row") {
			let name = panel["title"].as_str().expect("a panel title");
			let targets = panel["targets"].as_array().expect("panel targets");
			assert!(!targets.is_empty(), "{title}: {name} has no query");
			for target in targets {
				queries.push(PanelQuery {
					dashboard: title.clone(),
					panel: name.to_string(),
					expr: target["expr"].as_str().expect("a query").replace("$instance", ".+"),
				});
			}
		}
	}
	queries
}

/// A running Prometheus, killed when dropped.
struct Prometheus {
	process: Process,
	url: String,
}

impl Prometheus {
	/// Starts `binary` scraping the nodes' and the agent's metrics every 2 s, with the shipped
	/// alert rules, and waits until every target is up.
	fn start(binary: &Path, dir: &Path, nodes: &[String], agent: &str) -> Self {
		let targets = |list: &[String]| {
			list.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(", ")
		};
		let config = dir.join("prometheus.yml");
		std::fs::write(
			&config,
			format!(
				"global:\n  scrape_interval: 2s\n  evaluation_interval: 2s\nrule_files:\n  - {rules}\n\
				 scrape_configs:\n  - job_name: ember-node\n    static_configs:\n      - targets: [{nodes}]\n\
				 \x20 - job_name: provider-agent\n    static_configs:\n      - targets: [{agent}]\n",
				rules = ops("prometheus/alerts.yml").display(),
				nodes = targets(nodes),
				agent = targets(&[agent.to_string()]),
			),
		)
		.expect("prometheus.yml written");
		let port = free_port();
		let process = Process::spawn(
			Command::new(binary)
				.arg(format!("--config.file={}", config.display()))
				.arg(format!("--storage.tsdb.path={}", dir.join("tsdb").display()))
				.arg(format!("--web.listen-address=127.0.0.1:{port}")),
			dir.join("prometheus.log"),
		);
		let prometheus = Self { process, url: format!("http://127.0.0.1:{port}") };
		let expected = nodes.len() + 1;
		wait_for(
			"Prometheus to scrape every target",
			Duration::from_secs(60),
			|| {
				let up = prometheus.query("up == 1").ok()?;
				(up.len() == expected).then_some(())
			},
			|| prometheus.process.log_tail(30),
		);
		prometheus
	}

	/// `GET path` with `params` URL-encoded, as JSON; its `data`.
	fn get(&self, path: &str, params: &[(&str, &str)]) -> Result<Value, String> {
		let mut command = Command::new("curl");
		command.args(["-sS", "--max-time", "10", "-G"]);
		for (name, value) in params {
			command.arg("--data-urlencode").arg(format!("{name}={value}"));
		}
		let output =
			command.arg(format!("{}{path}", self.url)).output().map_err(|e| e.to_string())?;
		let body: Value = serde_json::from_slice(&output.stdout)
			.map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&output.stdout)))?;
		if body["status"] != "success" {
			return Err(body.to_string());
		}
		Ok(body["data"].clone())
	}

	/// The series an instant query returns.
	fn query(&self, expr: &str) -> Result<Vec<Value>, String> {
		let data = self.get("/api/v1/query", &[("query", expr)])?;
		Ok(data["result"].as_array().cloned().unwrap_or_default())
	}
}

/// Whether any series holds a number (not NaN: a quantile of nothing observed is NaN).
fn has_number(series: &[Value]) -> bool {
	series.iter().any(|s| {
		s["value"][1]
			.as_str()
			.and_then(|v| v.parse::<f64>().ok())
			.is_some_and(f64::is_finite)
	})
}

/// A workload that prints a line and sleeps.
fn manifest(dir: &Path, name: &str) -> PathBuf {
	let manifest = serde_json::json!({
		"version": 1,
		"name": name,
		"workload": { "kind": "command", "program": "sh", "args": ["-c", "echo started; exec sleep 600"] },
		"gpus": { "count": 1 }
	});
	let path = dir.join(format!("{name}.json"));
	std::fs::write(&path, manifest.to_string()).expect("manifest written");
	path
}

/// `tenant` orders a GPU, accepts the agent's bid and sends the manifest; the lease id.
fn lease(node: &DevNode, agent: &Agent, tenant: &str, manifest: &Path) -> u64 {
	let order = order_with_bid(node, agent, (tenant, OWNER), manifest, 2_000, 20);
	let owner = account(&key(OWNER)).to_string();
	let path = manifest.to_str().expect("a UTF-8 path");
	let receipt =
		emberctl(node, Some(tenant), &["accept", &order.to_string(), &owner, "--manifest", path])
			.expect("accepted");
	assert_eq!(receipt["manifest"]["accepted"], true, "{receipt}");
	num(&receipt["manifest"]["lease"]) as u64
}

#[test]
fn every_dashboard_panel_has_data_from_a_real_node_and_agent() {
	let Some(prometheus) = prometheus_tool("prometheus") else { return };
	let dir = tempfile::tempdir().expect("temp dir");
	let queries = panel_queries();

	// A validator, and a node that imports its blocks from the network (block import times
	// are those of blocks from others).
	let (p2p_port, metrics) = (free_port(), [free_port(), free_port()]);
	let node_key = "0000000000000000000000000000000000000000000000000000000000000001";
	let validator = DevNode::start_with(
		"dashboards-validator",
		&[
			"--dev",
			"--node-key",
			node_key,
			"--port",
			&p2p_port.to_string(),
			"--prometheus-port",
			&metrics[0].to_string(),
		],
	);
	let peer = run(Command::new(binary("ember-node"))
		.args(["key", "inspect-node-key", "--file"])
		.arg({
			let file = dir.path().join("node-key");
			std::fs::write(&file, node_key).expect("node key written");
			file
		}));
	let bootnode = format!("/ip4/127.0.0.1/tcp/{p2p_port}/p2p/{}", peer.trim());
	let _follower = DevNode::start_with(
		"dashboards-follower",
		&[
			"--chain",
			"dev",
			"--port",
			"0",
			"--bootnodes",
			&bootnode,
			"--prometheus-port",
			&metrics[1].to_string(),
		],
	);
	// A heartbeat every 5 blocks, so that several are included while the test runs.
	speed_up_liveness(&validator.chain(), 5, 2);
	fund(&validator.chain(), &account(&key(AGENT)), 10 * EMBR);
	let agent = Agent::start("dashboards", dir.path(), &validator, OWNER, AGENT, 2);
	// From here, Prometheus sees every counter rise: registration, proofs, bids, leases.
	let nodes: Vec<String> = metrics.iter().map(|port| format!("127.0.0.1:{port}")).collect();
	let prometheus = Prometheus::start(&prometheus, dir.path(), &nodes, &agent.metrics);

	wait_proven_provider(&validator, &agent, OWNER, Some(2));
	// One lease served and closed (a finished lease, a bid won), one running (escrow gauges).
	let closed = lease(&validator, &agent, "//Dave", &manifest(dir.path(), "closed"));
	emberctl(&validator, Some("//Dave"), &["lease", "close", &closed.to_string()]).expect("closed");
	let running = lease(&validator, &agent, "//Eve", &manifest(dir.path(), "running"));
	wait_for(
		"the running lease's escrow to be scraped",
		Duration::from_secs(60),
		|| {
			let funded = prometheus
				.query(&format!("ember_agent_lease_funded_blocks{{lease=\"{running}\"}}"))
				.ok()?;
			has_number(&funded).then_some(())
		},
		|| agent.log_tail(),
	);

	// Every panel's query has data: waited for together, as rates need two scrapes.
	let empty: std::cell::RefCell<Vec<String>> = Default::default();
	wait_for(
		"every panel's query to return data",
		Duration::from_secs(90),
		|| {
			let missing: Vec<String> = queries
				.iter()
				.filter(|q| !prometheus.query(&q.expr).is_ok_and(|series| has_number(&series)))
				.map(|q| format!("{} / {}: {}\n", q.dashboard, q.panel, q.expr))
				.collect();
			let done = missing.is_empty();
			*empty.borrow_mut() = missing;
			done.then_some(())
		},
		|| empty.borrow().concat(),
	);

	// The alert rules load and evaluate against the real metrics.
	let groups = prometheus.get("/api/v1/rules", &[]).expect("rules");
	let rules: Vec<&Value> = groups["groups"]
		.as_array()
		.expect("rule groups")
		.iter()
		.flat_map(|g| g["rules"].as_array().into_iter().flatten())
		.collect();
	assert_eq!(rules.len(), 10, "every alert rule is loaded");
	for rule in &rules {
		assert_eq!(rule["health"], "ok", "{rule}");
	}
	let panels: std::collections::BTreeSet<(&str, &str)> =
		queries.iter().map(|q| (q.dashboard.as_str(), q.panel.as_str())).collect();
	eprintln!(
		"measured: {} panels ({} queries) of {} dashboards returned data; {} alert rules evaluated",
		panels.len(),
		queries.len(),
		panels.iter().map(|(d, _)| d).collect::<std::collections::BTreeSet<_>>().len(),
		rules.len()
	);
}
