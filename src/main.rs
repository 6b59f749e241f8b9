use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = ltsctl::cli::parse();
    let no_color = cli.global.no_color;
    let quiet = cli.global.quiet;
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("ltsctl: error: cannot start the async runtime: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(ltsctl::commands::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            ltsctl::output::print_error(&err, no_color, quiet);
            ExitCode::from(err.exit_code())
        }
    }
}
