// description: constraints and indexes for the paperkg graph in Neo4j
// generated from paperkg.graph.schema by paperkg.graph.neo4j_store.schema_script(); a test checks it
CREATE CONSTRAINT paper_id_unique IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT method_id_unique IF NOT EXISTS FOR (n:Method) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT model_id_unique IF NOT EXISTS FOR (n:Model) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id_unique IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT benchmark_id_unique IF NOT EXISTS FOR (n:Benchmark) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT metric_id_unique IF NOT EXISTS FOR (n:Metric) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id_unique IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT repository_id_unique IF NOT EXISTS FOR (n:Repository) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT link_id_unique IF NOT EXISTS FOR (n:Link) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id_unique IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT result_id_unique IF NOT EXISTS FOR (n:Result) REQUIRE n.id IS UNIQUE;
CREATE INDEX paper_title_index IF NOT EXISTS FOR (n:Paper) ON (n.title);
CREATE INDEX method_name_index IF NOT EXISTS FOR (n:Method) ON (n.name);
CREATE INDEX model_name_index IF NOT EXISTS FOR (n:Model) ON (n.name);
CREATE INDEX dataset_name_index IF NOT EXISTS FOR (n:Dataset) ON (n.name);
CREATE INDEX benchmark_name_index IF NOT EXISTS FOR (n:Benchmark) ON (n.name);
CREATE INDEX metric_name_index IF NOT EXISTS FOR (n:Metric) ON (n.name);
CREATE INDEX task_name_index IF NOT EXISTS FOR (n:Task) ON (n.name);
CREATE INDEX repository_name_index IF NOT EXISTS FOR (n:Repository) ON (n.name);
CREATE INDEX link_url_index IF NOT EXISTS FOR (n:Link) ON (n.url);
CREATE INDEX source_name_index IF NOT EXISTS FOR (n:Source) ON (n.name);
CREATE INDEX result_value_index IF NOT EXISTS FOR (n:Result) ON (n.value);
CREATE INDEX paper_arxiv_id_index IF NOT EXISTS FOR (n:Paper) ON (n.arxiv_id);
CREATE INDEX paper_doi_index IF NOT EXISTS FOR (n:Paper) ON (n.doi);
CREATE INDEX repository_owner_index IF NOT EXISTS FOR (n:Repository) ON (n.owner);
