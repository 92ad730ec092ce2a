//! Running child processes with the project's tool `PATH`, echoing what runs.

use crate::error::{Error, Result};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A command line to run in the repository, with the tool `PATH` already set.
#[derive(Debug, Clone)]
pub struct Cmd {
    program: OsString,
    args: Vec<OsString>,
    cwd: PathBuf,
    envs: Vec<(OsString, OsString)>,
}

impl Cmd {
    pub fn new(program: impl AsRef<OsStr>, cwd: &Path, path: &OsStr) -> Self {
        Self {
            program: program.as_ref().to_owned(),
            args: Vec::new(),
            cwd: cwd.to_path_buf(),
            envs: vec![("PATH".into(), path.to_owned())],
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.envs
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    /// The command as a person would type it (for progress lines and errors).
    pub fn display(&self) -> String {
        std::iter::once(&self.program)
            .chain(&self.args)
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new(&self.program);
        cmd.args(&self.args)
            .current_dir(&self.cwd)
            .stdin(Stdio::null());
        for (k, v) in &self.envs {
            cmd.env(k, v);
        }
        cmd
    }

    /// Run with output shown live; error unless it exits 0.
    pub fn run(&self) -> Result<()> {
        println!("    $ {}", self.display());
        let status = self.command().status().map_err(|source| Error::Spawn {
            cmd: self.display(),
            source,
        })?;
        if status.success() {
            Ok(())
        } else {
            Err(Error::Failed {
                cmd: self.display(),
                status: status.to_string(),
            })
        }
    }

    /// Run quietly and return stdout when it exits 0; `None` if it can't run or fails.
    /// Used for version probes, where "not installed" is an expected answer.
    pub fn probe(&self) -> Option<String> {
        let out = self
            .command()
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    /// Run quietly and return stdout as bytes, or the failure.
    pub fn capture(&self) -> Result<Vec<u8>> {
        let out = self
            .command()
            .stderr(Stdio::inherit())
            .output()
            .map_err(|source| Error::Spawn {
                cmd: self.display(),
                source,
            })?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            Err(Error::Failed {
                cmd: self.display(),
                status: out.status.to_string(),
            })
        }
    }

    /// Start in the background with output shown (used for the server under test).
    pub fn spawn(&self) -> Result<Child> {
        self.command().spawn().map_err(|source| Error::Spawn {
            cmd: self.display(),
            source,
        })
    }

    /// [`Self::spawn`] with standard output discarded (a helper process's banner would bury
    /// the figures); errors still show.
    pub fn spawn_quiet(&self) -> Result<Child> {
        self.command()
            .stdout(Stdio::null())
            .spawn()
            .map_err(|source| Error::Spawn {
                cmd: self.display(),
                source,
            })
    }

    /// Replace this process with the command, so Ctrl-C and SIGTERM reach it directly
    /// (cargo itself `exec`s xtask on Unix, so the signal path is terminal → this command).
    /// Returns only if the exec failed.
    #[cfg(unix)]
    pub fn exec(&self) -> Error {
        use std::os::unix::process::CommandExt;
        let mut cmd = self.command();
        cmd.stdin(Stdio::inherit());
        Error::Spawn {
            cmd: self.display(),
            source: cmd.exec(),
        }
    }

    #[cfg(not(unix))]
    pub fn exec(&self) -> Error {
        let mut cmd = self.command();
        cmd.stdin(Stdio::inherit());
        match cmd.status() {
            Ok(status) if status.success() => std::process::exit(0),
            Ok(status) => Error::Failed {
                cmd: self.display(),
                status: status.to_string(),
            },
            Err(source) => Error::Spawn {
                cmd: self.display(),
                source,
            },
        }
    }
}
