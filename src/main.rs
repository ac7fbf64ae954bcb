//! The realtime-doctor binary: parse, run, exit. Everything else lives in the library.

fn main() {
    let cli = realtime_doctor::cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    let code = match runtime.block_on(realtime_doctor::run(cli)) {
        Ok(code) => code as i32,
        Err(e) => {
            eprintln!("realtime-doctor: error: {e:#}");
            2
        }
    };
    // Do not wait for blocking tasks (a resolver stuck on a dead DNS server) once the verdict is out.
    runtime.shutdown_background();
    std::process::exit(code);
}
