//! The tenant web app (`web/`) in a real browser against a real chain and agent: Debian's
//! headless Chromium, driven by `web/tests/browser/run.mjs` (playwright-core, no browser
//! download), orders a GPU, accepts the agent's bid, sends the manifest and follows the log over
//! libp2p on WebSocket, tries to extend it (refused: the app must show the chain's reason in
//! words), closes it; rents a GPU from an offer, tops its escrow up, extends it and closes it;
//! then the balances on chain must account for every planck the app reported, the refused
//! call's fee included. Screenshots of each screen are saved under `$EMBER_TEST_LOGS/web`
//! (`scripts/integration-tests.sh` sets it), else in a temporary folder the test prints.
//!
//! Needs Chromium, Node.js and the built app (`cd web && npm ci && npm run build`, which
//! `scripts/test.sh` does); without them the test says so and skips, unless
//! `EMBER_REQUIRE_BROWSER=1` (CI sets it).

mod support;

use std::{
	path::{Path, PathBuf},
	process::Command,
	time::Duration,
};

use ember_client::chain::{
	runtime::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
	WaitFor,
};
use serde_json::Value;
use subxt::utils::H256;
use support::*;

const OWNER: &str = "//Charlie";
const AGENT: &str = "//Charlie//agent";
const TENANT: &str = "//Dave";
const EMBR: u128 = 1_000_000_000_000;

fn web_dir() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("../web")
}

/// Why the browser test cannot run here, if it cannot.
fn missing_prerequisite() -> Option<String> {
	let chromium = std::env::var("EMBER_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
	if !Path::new(&chromium).is_file() {
		return Some(format!(
			"{chromium} is not installed: `apt-get install chromium` (scripts/setup.sh does)"
		));
	}
	if Command::new("node")
		.arg("--version")
		.output()
		.map_or(true, |o| !o.status.success())
	{
		return Some("Node.js is not installed: `apt-get install nodejs npm`".into());
	}
	let web = web_dir();
	if !web.join("dist/index.html").is_file() || !web.join("node_modules/playwright-core").is_dir()
	{
		return Some("the web app is not built: `cd web && npm ci && npm run build`".into());
	}
	None
}

fn skip_unless_ready() -> bool {
	match missing_prerequisite() {
		None => true,
		Some(reason) => {
			assert!(std::env::var("EMBER_REQUIRE_BROWSER").as_deref() != Ok("1"), "{reason}");
			eprintln!("skipped: {reason}");
			false
		},
	}
}

fn free_of(node: &DevNode, who: &str) -> u128 {
	num(&emberctl(node, Some(who), &["balance"]).expect("balance")["free"])
}

fn held_of(node: &DevNode, who: &str) -> u128 {
	num(&emberctl(node, Some(who), &["balance"]).expect("balance")["held"])
}

fn plancks(value: &Value) -> u128 {
	value
		.as_str()
		.and_then(|s| s.parse().ok())
		.unwrap_or_else(|| panic!("plancks: {value}"))
}

#[test]
fn a_tenant_runs_a_lease_from_the_browser() {
	if !skip_unless_ready() {
		return;
	}
	let dir = tempfile::tempdir().expect("temp dir");
	let screenshots = std::env::var_os("EMBER_TEST_LOGS")
		.map(|logs| PathBuf::from(logs).join("web"))
		.unwrap_or_else(|| dir.path().join("screenshots"));

	let node = DevNode::start("web");
	fund(&node.chain(), &account(&key(AGENT)), 10 * EMBR);
	// The agent also listens on WebSocket, the transport a browser has, and publishes both.
	let mut agent = Agent::configure("web", dir.path(), &node, OWNER, AGENT, 2, PROCESS_EXECUTOR);
	let config = std::fs::read_to_string(&agent.config).expect("agent config");
	let (tcp, rest) = config.split_once("listen = [\"").expect("a listen line");
	let (address, rest) = rest.split_once('"').expect("a listen address");
	let ws = format!("/ip4/127.0.0.1/tcp/{}/ws", free_port());
	std::fs::write(&agent.config, format!("{tcp}listen = [\"{address}\", \"{ws}\"{rest}"))
		.expect("agent config written");
	agent.restart();
	let provider = wait_proven_provider(&node, &agent, OWNER, Some(2));
	// One GPU listed at a fixed price for the rent screen (2 hours at most, so a one-hour lease
	// can be extended); the agent bids on orders with the other.
	let listed = &provider["gpus"][1]["uuid_hash"];
	let gpu = ember_client::market::parse_h256(listed.as_str().expect("a uuid hash")).expect("hex");
	let offer = runtime::tx().leases().list_offer(BoundedVec(vec![H256(gpu)]), 3 * EMBR, 1_200);
	block_on(node.chain().submit(&offer, &key(AGENT), WaitFor::Finalized, &mut |_| {}))
		.expect("the offer is listed");

	// The built app, served as any static site is.
	let port = free_port();
	let server = Process::spawn(
		Command::new("node")
			.current_dir(web_dir())
			.args(["node_modules/vite/bin/vite.js", "preview", "--strictPort", "--port"])
			.arg(port.to_string()),
		dir.path().join("web-server.log"),
	);
	let site = format!("http://127.0.0.1:{port}/");
	wait_for(
		"the web app to be served",
		Duration::from_secs(30),
		|| {
			let out = Command::new("curl").args(["-sf", "--max-time", "2", &site]).output().ok()?;
			(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("Ember"))
				.then_some(())
		},
		|| server.log_tail(20),
	);

	let owner = account(&key(OWNER)).to_string();
	let (tenant_before, owner_before) = (free_of(&node, TENANT), free_of(&node, OWNER));
	assert_eq!(held_of(&node, TENANT), 0, "the tenant holds nothing before");

	let output = Command::new("node")
		.current_dir(web_dir())
		.arg("tests/browser/run.mjs")
		.env("EMBER_WEB_URL", format!("{site}?rpc={}", node.url))
		.env("EMBER_SCREENSHOTS", &screenshots)
		.env("EMBER_TENANT", "Dave")
		.output()
		.expect("node runs the browser test");
	let stdout = String::from_utf8_lossy(&output.stdout);
	assert!(
		output.status.success(),
		"the browser test failed (screenshots in {}):\n{}{stdout}\nagent:\n{}",
		screenshots.display(),
		String::from_utf8_lossy(&output.stderr),
		agent.log_tail()
	);
	let report: Value = serde_json::from_str(stdout.lines().last().unwrap_or_default())
		.unwrap_or_else(|e| panic!("the browser test printed no report ({e}): {stdout}"));
	eprintln!("browser report: {report}");

	// Both leases are gone from the chain, and every planck is accounted for: the tenant paid
	// the leases and its transactions' fees, got the rest of the escrows and the deposits back,
	// and the provider was paid the leases less the protocol fee (burned).
	let leases = emberctl(&node, Some(TENANT), &["lease", "list"]).expect("leases");
	assert_eq!(leases.as_array().map(Vec::len), Some(0), "no lease still runs: {leases}");
	let closed = report["closed"].as_array().expect("closed leases");
	assert_eq!(closed.len(), 2, "the ordered and the rented lease were closed: {report}");
	let paid: u128 = closed.iter().map(|c| plancks(&c["paid"])).sum();
	let fees: u128 = closed.iter().map(|c| plancks(&c["fees"])).sum();
	assert!(
		closed.iter().all(|c| plancks(&c["paid"]) > 0),
		"the provider served blocks of each before the close: {report}"
	);
	let tx_fees: Vec<u128> =
		report["feesPaid"].as_array().expect("fees paid").iter().map(plancks).collect();
	assert_eq!(
		tx_fees.len(),
		8,
		"order, accept, a refused extend, close, rent, top-up, extend and close: one fee each: \
		 {report}"
	);
	assert_eq!(held_of(&node, TENANT), 0, "escrows and deposits are back");
	assert_eq!(
		tenant_before - free_of(&node, TENANT),
		paid + tx_fees.iter().sum::<u128>(),
		"the tenant paid the leases and the fees, to the planck"
	);
	assert_eq!(
		free_of(&node, OWNER) - owner_before,
		paid - fees,
		"the provider ({owner}) was paid the leases less the protocol fee"
	);

	let shots: Vec<String> = std::fs::read_dir(&screenshots)
		.expect("screenshots")
		.filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
		.filter(|name| name.ends_with(".png"))
		.collect();
	assert!(shots.len() >= 8, "a screenshot of each screen: {shots:?}");
	eprintln!(
		"measured: an ordered and a rented lease run from the browser: paid {paid} plancks \
		 ({fees} protocol fee), tenant fees {tx_fees:?}; {} screenshots in {}",
		shots.len(),
		screenshots.display()
	);
}
