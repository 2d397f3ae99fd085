#!/bin/sh
# The demo data loader of docker-compose.yml (tools/Dockerfile's entrypoint): the demo data sets in the
# order ./run.sh loads them. Each tool loads its set only into an empty store, so a second `up` adds
# nothing.
#   1. the Registry's set (the register of 29 August 2025 and the koperasi of the 2018 batch);
#   2. the Transformation's 2018 dissolution batch, once the Transformation service has learned the
#      register over the bus: until then the tool stops before writing anything ("This service does not
#      know ... koperasi of the 2018 batch"), so it is tried again, every 10 s for up to 10 minutes (as
#      ./run.sh waits); the Registry records the dissolutions over the bus;
#   3. Funding's set (Dumisake grants 2022-2023).
# Each tool reads its service's connection from ConnectionStrings__Postgres; the compose file gives one
# per store. Funding's also needs the PersonalData__* keys of the service.
set -eu

ConnectionStrings__Postgres="$REGISTRY_POSTGRES" dotnet registry/Koperasi.Registry.DemoData.dll

tries=0
until ConnectionStrings__Postgres="$TRANSFORMATION_POSTGRES" dotnet transformation/Koperasi.Transformation.DemoData.dll; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "[koperasi] the 2018 dissolution batch was not loaded after $tries tries: has the Transformation service learned the register?" >&2
    exit 1
  fi
  echo "[koperasi] the Transformation service is still learning the register: the 2018 batch is tried again in 10 s"
  sleep 10
done

ConnectionStrings__Postgres="$FUNDING_POSTGRES" dotnet funding/Koperasi.Funding.DemoData.dll
