"""Fixtures shared by the whole suite: the real gazetteer index and the seed story, built once."""

from __future__ import annotations

import datetime as dt

import pytest

from geotimeline.settings import SAMPLE_ARTICLE, Settings

SEED_PUBLISHED = dt.date(2011, 8, 21)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env()


@pytest.fixture(scope="session")
def gazetteer(settings: Settings):
    from geotimeline.geocoding.gazetteer import Gazetteer

    return Gazetteer.open(settings)


@pytest.fixture(scope="session")
def seed_article():
    from geotimeline.ingest import load_article

    return load_article(SAMPLE_ARTICLE, published=SEED_PUBLISHED)


@pytest.fixture(scope="session")
def seed_story(seed_article, gazetteer, tmp_path_factory):
    from geotimeline.story import build_story

    # Corrections live in a fresh folder so a developer's own choices never change test results.
    isolated = Settings.from_env(cache_dir=str(tmp_path_factory.mktemp("cache")))
    return build_story([seed_article], settings=isolated, gazetteer=gazetteer)
