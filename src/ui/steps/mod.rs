pub mod emergency;
pub mod results;
pub mod safety;
pub mod start;
pub mod symptoms;
pub mod where_it_hurts;
